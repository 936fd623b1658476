package dev.myaccount.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/** A way to sign in besides the password form (passkeys), added to the portal's security by its feature. */
public interface SignInWay {

    void addTo(HttpSecurity http) throws Exception;
}
