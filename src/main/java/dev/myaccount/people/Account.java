package dev.myaccount.people;

import java.time.Instant;
import java.util.UUID;

/**
 * A work or school account, as the directory knows it. {@code sessionGeneration} rises each time every session of
 * the account ends; a sign-in keeps the one it read.
 */
public record Account(
        UUID id,
        UUID organisationId,
        String upn,
        String displayName,
        String givenName,
        String surname,
        String passwordHash,
        Instant passwordChangedAt,
        boolean mustChangePassword,
        boolean enabled,
        String preferredLanguage,
        String timeZone,
        int sessionGeneration) {
}
