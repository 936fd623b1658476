package dev.myaccount.people;

import java.util.UUID;

/** Whether a person signs in with more than a password (it asks a second step, and sets their password's length); Security info answers. */
public interface SecondFactors {

    /** True when the account (of UPN {@code upn}) has a sign-in method or passkey to ask for after its password. */
    boolean asked(UUID accountId, String upn);
}
