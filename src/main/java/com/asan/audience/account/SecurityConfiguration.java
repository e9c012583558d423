package com.asan.audience.account;

import com.asan.audience.shared.Permission;
import com.asan.audience.shared.TenantPrincipal;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;

/** Two filter chains: a stateless one for the REST API (API key or Basic) and a session one for the browser UI. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * No observation per security filter: request metrics come from the MVC observation, and wrapping every filter
     * of every request cost CPU even with those observations switched off by property.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService memberDetails(AccountRepository repository) {
        return email -> repository.principalByEmail(email)
                .filter(principal -> principal.getPassword() != null)
                .orElseThrow(() -> new UsernameNotFoundException("No such member"));
    }

    @Bean
    AuthenticationEntryPoint apiEntryPoint() {
        return (request, response, e) -> {
            response.setStatus(401);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Authentication required\",\"status\":401,"
                    + "\"detail\":\"Send Authorization: Bearer <apiKey> or HTTP Basic credentials\",\"errors\":[]}");
        };
    }

    /**
     * Pages run only the app's own scripts and styles (the builder's JSON data blocks are not scripts); Pico's icons
     * are data: images. The campaign preview replaces this with a sandbox of its own.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";

    /** The same headers on both chains. HSTS is written on secure requests only (HTTPS, or behind an HTTPS proxy). */
    private static void headers(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frames -> frames.sameOrigin())
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
    }

    /**
     * Actuator: health is public; metrics and info need the API key (or Basic credentials) of a member with
     * {@link Permission#OPERATIONS_READ}, except on a separate management port ({@code MANAGEMENT_SERVER_PORT}),
     * which is meant to be reachable from the operators' network only.
     */
    @Bean
    @Order(0)
    SecurityFilterChain operationsChain(HttpSecurity http, ApiKeys apiKeys, SignInThrottle throttle,
                                        AuthenticationEntryPoint apiEntryPoint,
                                        @Value("${management.server.port:-1}") int managementPort) throws Exception {
        headers(http);
        http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(request -> managementPort > 0 && request.getLocalPort() == managementPort)
                        .permitAll()
                        .anyRequest().access((authentication, context) -> new AuthorizationDecision(
                                authentication.get().getPrincipal() instanceof TenantPrincipal caller
                                        && caller.has(Permission.OPERATIONS_READ))))
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(apiEntryPoint).accessDeniedHandler(
                        (request, response, denied) -> {
                            response.setStatus(403);
                            response.setContentType("application/problem+json");
                            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Your role does not "
                                    + "have the permission " + Permission.OPERATIONS_READ.wire() + "\",\"status\":403,"
                                    + "\"permission\":\"" + Permission.OPERATIONS_READ.wire() + "\",\"errors\":[]}");
                        }))
                .addFilterBefore(new SignInThrottleFilter(throttle), BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, apiEntryPoint), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeys apiKeys, SignInThrottle throttle,
                                 AuthenticationEntryPoint apiEntryPoint) throws Exception {
        headers(http);
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/accounts").permitAll()
                        .requestMatchers("/api/intake/forms/**", "/api/public/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(apiEntryPoint))
                .addFilterBefore(new SignInThrottleFilter(throttle), BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, apiEntryPoint), BasicAuthenticationFilter.class);
        return http.build();
    }

    /**
     * The API's description and Swagger UI: public, no session, and a policy that lets Swagger UI's own bundle apply
     * inline styles (its scripts still come from this origin only).
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocsChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**")
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY.replace("style-src 'self'",
                                "style-src 'self' 'unsafe-inline'")))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frames -> frames.sameOrigin()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webChain(HttpSecurity http, SignInThrottle throttle, AccountRepository repository)
            throws Exception {
        headers(http);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/favicon.svg",
                                "/error", "/t/**", "/unsubscribe/**").permitAll()
                        .anyRequest().authenticated())
                // unsubscribe and tracking links are opened (and one-click POSTed, RFC 8058) from emails
                .csrf(csrf -> csrf.ignoringRequestMatchers("/unsubscribe/**", "/t/**"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/leads", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new SessionValidityFilter(repository), AuthorizationFilter.class)
                .addFilterBefore(new UploadGuardFilter(), CsrfFilter.class);
        return http.build();
    }
}
