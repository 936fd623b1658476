package dev.myaccount.securityinfo;

import java.util.Locale;

/**
 * What a kind of sign-in method does when a page asks the person for it: send a code, for the kinds that
 * send one, and check the code typed. One implementation per kind, in the kind's package.
 */
public interface MethodCheck {

    enum Sending { SENT, NOT_NEEDED, TOO_MANY }

    MethodKind kind();

    /**
     * Sends a fresh code for {@code purpose} (replacing any earlier one), on {@code budget}, unless the sending
     * limits refuse.
     */
    Sending send(SignInMethod method, String purpose, OneTimeCodes.Budget budget, Locale language,
            String clientAddress);

    /** Whether {@code code} is the method's code for {@code purpose}; a right code is used up. */
    boolean check(SignInMethod method, String purpose, String code);
}
