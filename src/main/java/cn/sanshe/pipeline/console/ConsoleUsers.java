package cn.sanshe.pipeline.console;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Console accounts in {@code console_user}: the same service for {@code users} on the command line,
 * the admins' page and login. After {@value #MAX_FAILURES} failed logins in a row an account is
 * locked for {@link #LOCK}; every lock is logged.
 */
@Service
public class ConsoleUsers implements UserDetailsService {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(ConsoleUsers.class);

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final Places places;

    ConsoleUsers(JdbcTemplate jdbc, PasswordEncoder passwords, Places places) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.places = places;
    }

    /** One line of {@code users list}. */
    public record Account(String username, Role role, Jurisdiction jurisdiction, String place, boolean canSeeIds,
            boolean enabled, int failedLogins, LocalDateTime lockedUntil, LocalDateTime lastLogin) {
    }

    public void add(String username, Role role, Jurisdiction jurisdiction, String password, boolean canSeeIds) {
        if (username == null || !username.matches("[A-Za-z0-9._-]{2,64}")) {
            throw new IllegalArgumentException("用户名应为 2 到 64 个字母、数字、点、下划线或连字符");
        }
        if (password == null || password.length() < 10) {
            throw new IllegalArgumentException("密码至少 10 个字符");
        }
        if (!places.exists(jurisdiction)) {
            throw new IllegalArgumentException("区划表中没有管辖范围 " + jurisdiction.prefix());
        }
        if (find(username).isPresent()) {
            throw new IllegalArgumentException("用户 " + username + " 已存在");
        }
        jdbc.update("""
                INSERT INTO console_user (username, password_hash, role, jurisdiction, can_see_ids, enabled, created_at)
                VALUES (?, ?, ?, ?, ?, TRUE, CURRENT_TIMESTAMP(6))""", username, passwords.encode(password),
                role.name().toLowerCase(), jurisdiction.prefix(), canSeeIds);
        log.info("console user {} added: role {}, jurisdiction {}", username, role, jurisdiction.prefix());
    }

    /** Adds the user unless one of that name exists; returns whether it was added. */
    public boolean addIfMissing(String username, Role role, Jurisdiction jurisdiction, String password) {
        if (find(username).isPresent()) {
            return false;
        }
        add(username, role, jurisdiction, password, false);
        return true;
    }

    public void disable(String username) {
        if (jdbc.update("UPDATE console_user SET enabled = FALSE WHERE username = ?", username) == 0) {
            throw new IllegalArgumentException("没有用户 " + username);
        }
        log.info("console user {} disabled", username);
    }

    /** Accounts inside a jurisdiction (an admin sees those of their own). */
    public List<Account> list(Jurisdiction within) {
        return list(within.like());
    }

    /** Every account, for {@code users list}. */
    public List<Account> listAll() {
        return list("%");
    }

    private List<Account> list(String like) {
        return jdbc.query("""
                SELECT username, role, jurisdiction, can_see_ids, enabled, failed_logins, locked_until, last_login_at
                FROM console_user WHERE jurisdiction LIKE ? ORDER BY jurisdiction, role, username""",
                (rs, n) -> {
                    Jurisdiction j = new Jurisdiction(rs.getString(3));
                    return new Account(rs.getString(1), Role.parse(rs.getString(2)), j, places.name(j),
                            rs.getBoolean(4), rs.getBoolean(5), rs.getInt(6), time(rs.getTimestamp(7)),
                            time(rs.getTimestamp(8)));
                }, like);
    }

    public Optional<ConsoleUser> find(String username) {
        return jdbc.query("""
                SELECT username, password_hash, role, jurisdiction, can_see_ids, enabled, locked_until
                FROM console_user WHERE username = ?""", USER, username).stream().findFirst();
    }

    @Override
    public ConsoleUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** A failed login: counted, and the account locked at the limit. */
    public void failedLogin(String username, String from) {
        int updated = jdbc.update("UPDATE console_user SET failed_logins = failed_logins + 1 WHERE username = ?",
                username);
        if (updated == 0) {
            log.warn("failed console login for unknown user {} from {}", safe(username), from);
            return;
        }
        Integer failures = jdbc.queryForObject("SELECT failed_logins FROM console_user WHERE username = ?",
                Integer.class, username);
        log.warn("failed console login for {} from {} ({} in a row)", safe(username), from, failures);
        if (failures != null && failures >= MAX_FAILURES) {
            jdbc.update("UPDATE console_user SET locked_until = ?, failed_logins = 0 WHERE username = ?",
                    Timestamp.valueOf(LocalDateTime.now().plus(LOCK)), username);
            log.warn("console user {} locked for {} minutes after {} failed logins in a row (last from {})",
                    safe(username), LOCK.toMinutes(), failures, from);
        }
    }

    public void succeededLogin(String username, String from) {
        jdbc.update("""
                UPDATE console_user SET failed_logins = 0, locked_until = NULL, last_login_at = CURRENT_TIMESTAMP(6)
                WHERE username = ?""", username);
        log.info("console login {} from {}", username, from);
    }

    private static String safe(String username) {
        return username == null ? "" : username.replaceAll("[^A-Za-z0-9._-]", "?");
    }

    private static LocalDateTime time(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }

    private static final RowMapper<ConsoleUser> USER = (rs, n) -> new ConsoleUser(rs.getString(1), rs.getString(2),
            Role.parse(rs.getString(3)), new Jurisdiction(rs.getString(4)), rs.getBoolean(5), rs.getBoolean(6),
            time(rs.getTimestamp(7)));
}
