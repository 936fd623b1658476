package dev.myaccount.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;

/**
 * Unicode NFKC, applied before a password is hashed, compared or measured, so that the same password
 * typed on another keyboard (composed or decomposed accents, full-width digits) is the same password.
 */
public final class PasswordNormalisation {

    private PasswordNormalisation() {
    }

    public static String normalise(CharSequence password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** Whether two typed passwords are the same password, compared in constant time. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(normalise(a).getBytes(StandardCharsets.UTF_8),
                normalise(b).getBytes(StandardCharsets.UTF_8));
    }
}
