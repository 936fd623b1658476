package dev.myaccount.credential;

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
}
