package dev.myaccount.securityinfo;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A person's passkeys as pages show them; kept by the passkey package in Spring Security's tables. */
public interface PasskeyList {

    /** A passkey; {@code id} is its credential id in base64url. */
    record Passkey(String id, String name, Instant createdAt, Instant lastUsedAt) {
    }

    /** The portal's domain, the person's user handle in base64url and their passkeys, oldest first. */
    record Holder(String rpId, String userId, List<Passkey> passkeys) {

        public List<String> credentialIds() {
            return passkeys.stream().map(Passkey::id).toList();
        }
    }

    List<Passkey> of(String upn);

    /**
     * What the person's browser is told of their passkeys when their pages open (WebAuthn's signal methods), so that
     * their authenticators show the UPN as it is now and stop offering passkeys deleted here; empty for a person who
     * never made one.
     */
    Optional<Holder> holder(String upn);

    /** Whether the person has a passkey: one query, for the sign-in path. */
    boolean any(String upn);
}
