package dev.myaccount.people;

import java.util.Optional;

import dev.myaccount.credential.AccessPasses;

/** The answer to a change of a person: the secret to show, if any, or the message key of why not. */
public record Outcome(Optional<Secret> secret, String refusal) {

    /** The refusal of a change to a person someone deleted meanwhile. */
    public static final String GONE = "admin.person.gone";

    /** How a new person signs in the first time. */
    public enum FirstCredential { TEMPORARY_PASSWORD, ACCESS_PASS }

    /** A secret shown to the admin once: a temporary password or a temporary access pass. */
    public record Secret(Account person, FirstCredential kind, String value, AccessPasses.Issued pass) {
    }

    public static Outcome done() {
        return new Outcome(Optional.empty(), null);
    }

    public static Outcome shown(Secret secret) {
        return new Outcome(Optional.of(secret), null);
    }

    public static Outcome refused(String messageKey) {
        return new Outcome(Optional.empty(), messageKey);
    }
}
