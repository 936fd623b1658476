package dev.myaccount.apps;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The Shared Signals API takes the app's bearer token, checked by {@link SharedSignalsController} itself, and keeps
 * no session: no cookie for a forged cross-site request to ride on, so no CSRF token either.
 */
@Configuration(proxyBeanMethods = false)
class SharedSignalsSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain sharedSignals(HttpSecurity http) throws Exception {
        return http.securityMatcher(SharedSignalsController.DISCOVERY, SharedSignalsController.ROOT + "/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }
}
