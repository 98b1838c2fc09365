package cn.sanshe.pipeline.console;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in console user: role, jurisdiction and whether identity numbers may be shown in full. */
public record ConsoleUser(String username, String passwordHash, Role role, Jurisdiction jurisdiction, boolean canSeeIds,
        boolean enabled, LocalDateTime lockedUntil) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(LocalDateTime.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    public boolean decides() {
        return role.decides();
    }

    /** The user without the password hash, as the session keeps it. */
    public ConsoleUser withoutPassword() {
        return new ConsoleUser(username, "", role, jurisdiction, canSeeIds, enabled, lockedUntil);
    }

    @Override
    public String toString() {
        return username + " (" + role.name().toLowerCase() + ", " + jurisdiction.prefix() + ")";
    }
}
