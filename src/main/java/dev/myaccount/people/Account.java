package dev.myaccount.people;

import java.time.Instant;
import java.util.UUID;

/**
 * A work or school account, as the directory knows it. {@code sessionGeneration} rises each time every session of
 * the account ends; a sign-in keeps the one it read. {@code directoryDn} is the person's entry in their
 * organisation's own directory, which keeps their password (then the portal keeps no hash); null when the portal
 * keeps it. {@code email} and {@code phone} are what that directory says of the person; null when it says nothing.
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
        int sessionGeneration,
        String directoryDn,
        String email,
        String phone) {

    /** Whether the person's password lives in their organisation's own directory rather than in the portal. */
    public boolean inOwnDirectory() {
        return directoryDn != null;
    }
}
