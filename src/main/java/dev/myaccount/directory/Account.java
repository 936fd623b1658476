package dev.myaccount.directory;

import java.time.Instant;
import java.util.UUID;

/** A work or school account, as the directory knows it. */
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
        String timeZone) {
}
