package cn.sanshe.pipeline.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may open what. Reading a page needs a login; deciding (every form post of the stewards'
 * pages, the rejects workbook) needs the steward or admin role; users are the admins'. Which
 * records a user sees is not decided here but in every query (jurisdiction). CSRF tokens on every
 * form (Spring Security's default), a session that times out (server.servlet.session.timeout),
 * login throttling ({@link ConsoleUsers#failedLogin}) and strict headers. Only in the web
 * application ({@code serve}); the other commands have no web layer.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleSecurity {

    static final String[] DECIDING = {"/rejects/**", "/reviews/**", "/masters/**", "/conflicts/**"};

    @Bean
    SecurityFilterChain console(HttpSecurity http, ConsoleUsers users) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/login", "/webjars/**", "/console.css", "/favicon.ico", "/error").permitAll()
                .requestMatchers("/actuator/health").permitAll()
                .requestMatchers("/users/**").hasRole("ADMIN")
                .requestMatchers("/rejects/export", "/rejects/upload/**").hasAnyRole("ADMIN", "STEWARD")
                .requestMatchers(HttpMethod.POST, DECIDING).hasAnyRole("ADMIN", "STEWARD")
                .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .successHandler((request, response, authentication) -> {
                            users.succeededLogin(authentication.getName(), from(request));
                            response.sendRedirect(request.getContextPath() + "/");
                        })
                        .failureHandler((request, response, exception) -> {
                            String reason = "error";
                            if (exception instanceof LockedException) {
                                reason = "locked";
                            } else if (exception instanceof DisabledException) {
                                reason = "disabled";
                            } else {
                                users.failedLogin(request.getParameter("username"), from(request));
                            }
                            response.sendRedirect(request.getContextPath() + "/login?" + reason);
                        })
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // No invalid-session redirect: it would answer a post without its CSRF token with a
                // redirect instead of 403. A timed-out session simply lands on the login page.
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
                                + "base-uri 'self'; object-src 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    private static String from(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
