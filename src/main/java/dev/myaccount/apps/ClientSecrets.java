package dev.myaccount.apps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.myaccount.credential.TokenHashes;

/**
 * Apps' secrets: 256 random bits made by the portal, shown once, kept as SHA-256. A secret that cannot be guessed
 * needs no slow hash (unlike a password); a fast one keeps each client-credentials grant cheap. Compared in
 * constant time.
 */
@Component
class ClientSecrets {

    private static final int SECRET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    String fresh() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    String hash(CharSequence secret) {
        return TokenHashes.of(secret);
    }

    /** How the authorization server checks a secret an app presents. */
    PasswordEncoder checker() {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence secret) {
                return hash(secret);
            }

            @Override
            public boolean matches(CharSequence secret, String stored) {
                return secret != null && stored != null && MessageDigest.isEqual(
                        hash(secret).getBytes(StandardCharsets.US_ASCII), stored.getBytes(StandardCharsets.US_ASCII));
            }
        };
    }
}
