package dev.myaccount.credential;

import java.time.Duration;

/**
 * The Argon2id the portal would choose, with its default parameters (m=19 MiB, t=2, p=1), for the sign-in
 * benchmark's limit: the same library, loaded the same way, hashing as a sign-in does.
 */
public final class PortalHasher {

    /** Chosen once for the whole program, as the portal chooses once: each choice measures and warms threads. */
    private static final Argon2idHasher HASHER = FastestArgon2id.choose(
            new HashingProperties(19456, 2, 1, 0, 64, Duration.ofSeconds(5), "auto")).hasher();

    private final Argon2idHasher hasher = HASHER;

    public String hash(byte[] password) {
        return hasher.hash(password);
    }

    public String implementation() {
        return hasher.implementation();
    }
}
