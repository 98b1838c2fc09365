package cn.sanshe.pipeline.monitor;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Health and metrics over HTTP. {@code /actuator/health} (with {@code /liveness} and
 * {@code /readiness}) answers anyone with the status of each component; its details are for
 * operators and admins. {@code /actuator/prometheus} is open to a scraper on the same machine
 * and to signed-in operators and admins; everyone else is refused. Nothing else of Actuator is
 * exposed. The console's own session is honoured, so an operator signed in to the console reads
 * both in the browser.
 */
@Configuration
// Commands other than serve start no web server, and have no HttpSecurity to build a chain with.
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class MonitorSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").access(localOrOperator())
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.NEVER))
                .httpBasic(basic -> { });
        return http.build();
    }

    static AuthorizationManager<RequestAuthorizationContext> localOrOperator() {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                    RequestAuthorizationContext context) {
                if (loopback(context.getRequest())) {
                    return new AuthorizationDecision(true);
                }
                Authentication who = authentication.get();
                boolean operator = who != null && who.isAuthenticated() && who.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_OPERATOR") || a.getAuthority().equals("ROLE_ADMIN"));
                return new AuthorizationDecision(operator);
            }
        };
    }

    /** A request from this machine that did not come through a proxy (a proxy adds X-Forwarded-For). */
    static boolean loopback(HttpServletRequest request) {
        if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null) {
            return false;
        }
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (Exception e) {
            return false;
        }
    }
}
