package dev.myaccount.people;

import java.util.UUID;

/** What it takes to create an account; the password hash is made by the caller. */
public record NewAccount(
        UUID organisationId,
        String upn,
        String displayName,
        String givenName,
        String surname,
        String passwordHash,
        boolean mustChangePassword,
        Role role) {
}
