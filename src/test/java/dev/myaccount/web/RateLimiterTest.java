package dev.myaccount.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final String ATTACKER = "203.0.113.7";

    @Test
    void aFloodOfNewKeysDoesNotResetALimitedKey() {
        RateLimiter limiter = limitedAttacker();

        for (int i = 0; i < 20_000; i++) {
            limiter.tryTake("made-up address " + i);
        }

        assertThat(limiter.tryTake(ATTACKER)).isFalse();
    }

    @Test
    void aFloodBeyondTheBoundDoesNotFreeAKeyThatKeepsBeingTried() {
        RateLimiter limiter = limitedAttacker();

        for (int i = 0; i < 3 * RateLimiter.MOST_KEYS; i++) {
            limiter.tryTake("made-up address " + i);
            if (i % 1000 == 0) {
                assertThat(limiter.tryTake(ATTACKER)).as("after %d made-up keys", i).isFalse();
            }
        }

        assertThat(limiter.tryTake(ATTACKER)).isFalse();
    }

    @Test
    void aTakeGivenBackCanBeTakenAgain() {
        RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(5));
        assertThat(limiter.tryTake("a")).isTrue();
        assertThat(limiter.tryTake("a")).isTrue();
        limiter.giveBack("a");
        assertThat(limiter.tryTake("a")).isTrue();
        assertThat(limiter.tryTake("a")).isFalse();
        assertThat(limiter.tryTake("b")).isTrue();
    }

    private static RateLimiter limitedAttacker() {
        RateLimiter limiter = new RateLimiter(300, Duration.ofHours(1));
        for (int i = 0; i < 300; i++) {
            assertThat(limiter.tryTake(ATTACKER)).isTrue();
        }
        assertThat(limiter.tryTake(ATTACKER)).isFalse();
        return limiter;
    }
}
