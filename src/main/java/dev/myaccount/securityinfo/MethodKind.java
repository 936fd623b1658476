package dev.myaccount.securityinfo;

import java.util.Locale;

/**
 * The kinds of sign-in method besides the password; the stored name is stable. Passkeys are kept apart, in
 * Spring Security's WebAuthn tables, and sign a person in on their own rather than as a second step.
 */
public enum MethodKind {
    AUTHENTICATOR, PHONE, EMAIL, PASSKEY;

    /** The part of the page addresses and message keys that names the kind: "authenticator", "phone", "email". */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
