package dev.myaccount.web;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Health and Prometheus figures answer without a session: they are served on the management port,
     * which listens on the loopback address unless the operator says otherwise (docs/operations.md).
     */
    @Bean
    @Order(1)
    SecurityFilterChain operatorEndpoints(HttpSecurity http) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * Spring Security does not wrap each of its filters in an observation of its own: the request's own timer
     * (http.server.requests) is the figure operators read, and the wrapping showed in the request threads'
     * samples under sign-in load (docs/benchmarks.md).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Where a signed-in person is kept between requests; steps after the password save theirs here too. */
    @Bean
    SecurityContextRepository signedInContexts() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    /** The sign-in check itself is the application's one AuthenticationProvider bean (ProtectedSignIn). */
    @Bean
    @Order(2)
    SecurityFilterChain portal(HttpSecurity http, AuthenticationDetailsSource<HttpServletRequest, ?> signInDetails,
            AuthenticationSuccessHandler signedIn,
            AuthenticationFailureHandler notSignedIn, LogoutHandler signedOut,
            SecurityContextRepository signedInContexts, List<SecurityPart> parts) throws Exception {
        PortalPages.apply(http, signedInContexts);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(Access.PUBLIC_PATHS).permitAll()
                        .requestMatchers(Access.SECOND_STEP, Access.SECOND_STEP + "/**").authenticated()
                        .anyRequest().hasAuthority(Access.SIGNED_IN))
                .csrf(csrf -> csrf.csrfTokenRepository(new SessionOrCookieCsrfTokens()))
                .formLogin(form -> form
                        .loginPage("/signin")
                        .usernameParameter("upn")
                        .passwordParameter("password")
                        .authenticationDetailsSource(signInDetails)
                        .successHandler(signedIn)
                        .failureHandler(notSignedIn))
                .logout(logout -> logout
                        .logoutUrl("/signout")
                        .addLogoutHandler(signedOut)
                        .logoutSuccessUrl("/signin?signedout"));
        for (SecurityPart part : parts) {
            part.addTo(http);
        }
        return http.build();
    }
}
