package dev.myaccount.securityinfo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security info: {@code key} seals authenticator secrets (AES-256-GCM, base64 of 32 bytes; without it the
 * embedded default makes one in the data directory, see docs/configuration.md). A code sent by email or SMS lives
 * {@code codeLifetime} and allows {@code codeTries} tries; a person gets at most {@code codesPerPerson} (and as many
 * more for resets), a client address {@code codesPerAddress} and a new or reset destination
 * {@code codesPerDestination} codes per {@code codeWindow}. {@code secondFactorRequired} is the
 * default of the organisation setting.
 */
@ConfigurationProperties("myaccount.security-info")
public record SecurityInfoProperties(
        String key,
        @DefaultValue("false") boolean secondFactorRequired,
        @DefaultValue("10m") Duration codeLifetime,
        @DefaultValue("5") int codeTries,
        @DefaultValue("5") int codesPerPerson,
        @DefaultValue("30") int codesPerAddress,
        @DefaultValue("5") int codesPerDestination,
        @DefaultValue("15m") Duration codeWindow) {
}
