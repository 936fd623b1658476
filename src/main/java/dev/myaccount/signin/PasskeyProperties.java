package dev.myaccount.signin;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Passkeys are bound to the portal's domain: {@code rpId} is that domain (a passkey made for it works on
 * it and its subdomains), {@code origins} the exact addresses people open the portal at, and {@code rpName}
 * what their authenticator shows.
 */
@ConfigurationProperties("myaccount.passkeys")
public record PasskeyProperties(
        @DefaultValue("localhost") String rpId,
        @DefaultValue("My Account") String rpName,
        @DefaultValue("http://localhost:8080") Set<String> origins) {

    /** The first address people open the portal at, without a trailing slash: where absolute links point. */
    public String portalAddress() {
        return origins.iterator().next().replaceAll("/+$", "");
    }
}
