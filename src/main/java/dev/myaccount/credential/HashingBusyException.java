package dev.myaccount.credential;

import java.time.Duration;

/** More passwords to hash than the gate lets wait: the caller should answer 503 with Retry-After. */
public class HashingBusyException extends RuntimeException {

    private final Duration retryAfter;

    HashingBusyException(Duration retryAfter) {
        super("Too many password hashes waiting", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
