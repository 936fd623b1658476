package dev.myaccount.credential;

import java.time.Duration;

/**
 * The portal's own libsodium Argon2id (loaded and called as the portal does), with its default parameters, for the
 * sign-in benchmark's libsodium limit; its other limits hash with the same {@link #PARAMETERS}.
 */
public final class PortalSodium {

    /** The portal's defaults (HashingProperties' own), which the README's run command keeps. */
    public static final HashingProperties PARAMETERS = new HashingProperties(19456, 2, 1, 0, 64, Duration.ofSeconds(5),
            "auto");

    private static final SodiumArgon2id SODIUM = new SodiumArgon2id(PARAMETERS);

    private PortalSodium() {
    }

    public static String hash(byte[] password) {
        return SODIUM.hash(password);
    }
}
