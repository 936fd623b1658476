package dev.myaccount.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A feature's part in the portal's security, added by the feature: a way to sign in besides the password form
 * (passkeys), a check of every signed-in request (sign-ins that have ended).
 */
public interface SecurityPart {

    void addTo(HttpSecurity http) throws Exception;
}
