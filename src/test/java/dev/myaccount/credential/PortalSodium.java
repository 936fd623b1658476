package dev.myaccount.credential;

import java.time.Duration;

/**
 * The portal's own libsodium Argon2id (loaded and called as the portal does), with its default parameters, for the
 * sign-in benchmark's libsodium limit.
 */
public final class PortalSodium {

    private static final SodiumArgon2id SODIUM = new SodiumArgon2id(
            new HashingProperties(19456, 2, 1, 0, 64, Duration.ofSeconds(5), "auto"));

    private PortalSodium() {
    }

    public static String hash(byte[] password) {
        return SODIUM.hash(password);
    }
}
