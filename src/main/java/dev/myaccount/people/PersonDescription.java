package dev.myaccount.people;

/**
 * A person as a provisioning client (SCIM, a CSV file) describes them; an initial password is checked against the
 * organisation's policy and must be changed at the first sign-in. Without one, the person signs in the first time
 * with a temporary access pass.
 */
public record PersonDescription(String upn, String displayName, String givenName, String surname, String externalId,
        boolean enabled, String initialPassword) {
}
