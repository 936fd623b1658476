package dev.myaccount.scim;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import dev.myaccount.scim.ScimTokens;

/**
 * The SCIM API answers only requests with a live bearer token of an organisation, and keeps no session:
 * there is no cookie for a forged cross-site request to ride on, so it needs no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class ScimSecurity {

    static final String ROOT = "/scim/v2";

    @Bean
    @Order(0)
    SecurityFilterChain scim(HttpSecurity http, ScimTokens tokens) throws Exception {
        return http.securityMatcher(ROOT + "/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .addFilterBefore(new BearerTokenCheck(tokens), AuthorizationFilter.class)
                .build();
    }
}
