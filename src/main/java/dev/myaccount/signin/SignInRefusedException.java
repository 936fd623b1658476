package dev.myaccount.signin;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in turned away before its password was judged: too many attempts from its address, the UPN is
 * locked, or hashing is too busy.
 */
final class SignInRefusedException extends AuthenticationException {

    enum Why { THROTTLED, LOCKED, BUSY, DIRECTORY_UNREACHABLE }

    private final Why why;
    private final Duration retryAfter;

    SignInRefusedException(Why why, Duration retryAfter) {
        super(why.name());
        this.why = why;
        this.retryAfter = retryAfter;
    }

    Why why() {
        return why;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
