package dev.quartermaster.identity.authentication;

import dev.quartermaster.identity.IdentityProperties;
import dev.quartermaster.identity.RequestAuthenticator;
import dev.quartermaster.platform.ApiException;
import dev.quartermaster.platform.ErrorResponder;
import dev.quartermaster.platform.RejectedRequests;
import java.util.Arrays;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Stateless: every request proves itself; no sessions, no cookies, so no CSRF surface. */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfig {

    private static final String[] PUBLIC = {"/", "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    SecurityFilterChain api(HttpSecurity http, RequestAuthenticator authenticator, ErrorResponder responder)
            throws Exception {
        RequestMatcher publicPaths = new OrRequestMatcher(Arrays.stream(PUBLIC)
                .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(publicPaths).permitAll().anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> authenticator.refuse(
                                request, response, new RequestAuthenticator.Anonymous()))
                        .accessDeniedHandler((request, response, ex) -> responder.write(request, response,
                                ApiException.forbidden("access denied").problem())))
                .addFilterBefore(new CredentialFilter(authenticator, publicPaths), AnonymousAuthenticationFilter.class)
                .build();
    }

    /**
     * The firewall's refusals (an empty path segment, say, from an id variable that was empty; an
     * unknown method) answer in the surface's shape and say what was wrong, instead of the
     * container's bare 400.
     */
    @Bean
    RequestRejectedHandler requestRejected(ErrorResponder responder) {
        return (request, response, rejected) -> responder.write(request, response, RejectedRequests.problem(request));
    }

    @Bean
    BCryptPasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
