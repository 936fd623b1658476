package dev.myaccount.securityinfo;

import java.util.Locale;

/** The kinds of sign-in method besides the password; the stored name is stable. */
public enum MethodKind {
    AUTHENTICATOR, PHONE, EMAIL;

    /** The part of the page addresses and message keys that names the kind: "authenticator", "phone", "email". */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
