package dev.myaccount.signin;

import java.util.UUID;

/** Whether a sign-in asks for a second step after a right password; the Security info feature answers. */
public interface SecondFactors {

    /** True when the account has a sign-in method to ask for after its password. */
    boolean asked(UUID accountId);
}
