package dev.myaccount.signin;

/** What became of a sign-in attempt, as the sign-in log keeps it. */
public enum SignInOutcome {
    SUCCEEDED, WRONG_PASSWORD, WRONG_CODE, LOCKED, UNKNOWN_ACCOUNT, BUSY, DIRECTORY_UNREACHABLE;

    public boolean failed() {
        return this != SUCCEEDED;
    }
}
