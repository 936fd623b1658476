package dev.myaccount.securityinfo;

import java.time.Instant;
import java.util.List;

/** A person's passkeys as pages show them; kept by the passkey package in Spring Security's tables. */
public interface PasskeyList {

    /** A passkey; {@code id} is its credential id in base64url. */
    record Passkey(String id, String name, Instant createdAt, Instant lastUsedAt) {
    }

    List<Passkey> of(String upn);

    /** Whether the person has a passkey: one query, for the sign-in path. */
    boolean any(String upn);

    /**
     * Removes every passkey of a person whose account is deleted: they are kept by UPN, and would otherwise
     * sign in a new account that is given the same UPN.
     */
    void forget(String upn);

    /** Keeps a person's passkeys theirs when their UPN changes from {@code from} to {@code to}. */
    void moved(String from, String to);
}
