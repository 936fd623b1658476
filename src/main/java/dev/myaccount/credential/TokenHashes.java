package dev.myaccount.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256, in hex, of a secret the portal made itself (a SCIM token, an app's secret, a refresh token): 256
 * random bits cannot be guessed, so a fast hash keeps a copy of the database from using them, and a lookup by hash
 * stays cheap.
 */
public final class TokenHashes {

    private TokenHashes() {
    }

    public static String of(CharSequence token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
