package dev.myaccount.apps;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long what the portal gives apps lasts: access tokens, refresh tokens (rotated at each use), and the signing
 * keys, which are replaced after {@code keyRotation} and published until the last token they signed expires; and how
 * long an expired grant is remembered (the Apps page lists it) before it is forgotten; and how long a Shared Signals
 * push that failed waits before it is tried again (doubled at each failure).
 */
@ConfigurationProperties("myaccount.apps")
record AppsProperties(
        @DefaultValue("PT10M") Duration accessTokenLife,
        @DefaultValue("P1D") Duration refreshTokenLife,
        @DefaultValue("P30D") Duration keyRotation,
        @DefaultValue("P30D") Duration forgetAfter,
        @DefaultValue("PT5S") Duration signalRetryAfter) {

    /** The longest life of a signed token: an access token's, or an ID token's (30 minutes in Spring's server). */
    Duration longestTokenLife() {
        Duration idTokenLife = Duration.ofMinutes(30);
        return accessTokenLife.compareTo(idTokenLife) > 0 ? accessTokenLife : idTokenLife;
    }
}
