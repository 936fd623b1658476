package dev.myaccount.credential;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The portal's own libsodium Argon2id (loaded and called as the portal does), with its default parameters, for the
 * sign-in benchmark's libsodium limit; its other limits hash with the same {@link #PARAMETERS}.
 */
public final class PortalSodium {

    /** The portal's defaults, bound as the portal binds them with nothing set: HashingProperties' own. */
    public static final HashingProperties PARAMETERS = new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("myaccount.password-hashing", HashingProperties.class);

    private static final SodiumArgon2id SODIUM = new SodiumArgon2id(PARAMETERS);

    private PortalSodium() {
    }

    public static String hash(byte[] password) {
        return SODIUM.hash(password);
    }
}
