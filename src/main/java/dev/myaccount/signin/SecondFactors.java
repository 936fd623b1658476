package dev.myaccount.signin;

import java.util.UUID;

/** Whether a sign-in asks for a second step after a right password; the Security info feature answers. */
public interface SecondFactors {

    /** True when the account (of UPN {@code upn}) has a sign-in method or passkey to ask for after its password. */
    boolean asked(UUID accountId, String upn);
}
