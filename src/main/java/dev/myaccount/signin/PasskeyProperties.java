package dev.myaccount.signin;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.myaccount.web.PublicAddress;

/**
 * Passkeys are bound to the portal's domain: {@code rpId} is that domain (a passkey made for it works on
 * it and its subdomains), {@code origins} the exact addresses people open the portal at, and {@code rpName}
 * what their authenticator shows. Unset, the domain and the origin are the public address's.
 */
@ConfigurationProperties("myaccount.passkeys")
public record PasskeyProperties(String rpId, @DefaultValue("My Account") String rpName, Set<String> origins) {

    /** The settings as passkeys use them, with what is unset taken from the portal's public address. */
    public PasskeyProperties of(PublicAddress portal) {
        return new PasskeyProperties(rpId == null || rpId.isBlank() ? portal.host() : rpId, rpName,
                origins == null || origins.isEmpty() ? Set.of(portal.origin()) : origins);
    }
}
