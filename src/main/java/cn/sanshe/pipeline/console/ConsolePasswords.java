package cn.sanshe.pipeline.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How passwords are kept: for the console's login and for {@code users add} on the command line alike. */
@Configuration
class ConsolePasswords {

    @Bean
    static PasswordEncoder passwordEncoder() {
        // {bcrypt} by default; the prefix lets a later algorithm (argon2) take over without a migration.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
