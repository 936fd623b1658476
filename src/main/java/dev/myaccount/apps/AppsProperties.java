package dev.myaccount.apps;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * How long what the portal gives apps lasts: access tokens, refresh tokens (rotated at each use), and the signing
 * keys, which are replaced after {@code keyRotation} and published until the last token they signed expires; and how
 * long an expired grant is remembered (the Apps page lists it) before it is forgotten; and how long a Shared Signals
 * push that failed waits before it is tried again (doubled at each failure). Access tokens are signed with ES256 by
 * default: a P-256 signature takes a tenth of the processor time of an RSA-2048 one with AWS-LC (a fifteenth with the
 * JDK's own code under the C1 compiler the README runs with), and every JOSE library a resource server uses checks
 * both; RS256 can be chosen.
 */
@ConfigurationProperties("myaccount.apps")
record AppsProperties(
        @DefaultValue("PT10M") Duration accessTokenLife,
        @DefaultValue("P1D") Duration refreshTokenLife,
        @DefaultValue("P30D") Duration keyRotation,
        @DefaultValue("P30D") Duration forgetAfter,
        @DefaultValue("PT5S") Duration signalRetryAfter,
        @DefaultValue("ES256") SignatureAlgorithm accessTokenAlgorithm) {

    AppsProperties {
        // The portal makes keys of these two algorithms only (SigningKeys).
        if (accessTokenAlgorithm != SignatureAlgorithm.ES256 && accessTokenAlgorithm != SignatureAlgorithm.RS256) {
            throw new IllegalArgumentException("myaccount.apps.access-token-algorithm must be ES256 or RS256");
        }
    }

    /** The longest life of a signed token: an access token's, or an ID token's (30 minutes in Spring's server). */
    Duration longestTokenLife() {
        Duration idTokenLife = Duration.ofMinutes(30);
        return accessTokenLife.compareTo(idTokenLife) > 0 ? accessTokenLife : idTokenLife;
    }
}
