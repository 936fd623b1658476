package dev.myaccount.signin;

/** What became of a sign-in attempt, as the sign-in log keeps it. */
public enum SignInOutcome {
    SUCCEEDED, WRONG_PASSWORD, LOCKED, UNKNOWN_ACCOUNT, SECOND_FACTOR_ASKED, BUSY;

    public boolean failed() {
        return this != SUCCEEDED && this != SECOND_FACTOR_ASKED;
    }
}
