package dev.myaccount.signin;

/** Where an account's secret was checked; every door counts toward the account's one lockout. */
public enum SignInDoor {
    SIGN_IN, SECOND_FACTOR, CHANGE_PASSWORD, CONFIRM_IDENTITY, RESET, ACCESS_PASS
}
