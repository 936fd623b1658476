package dev.myaccount.credential;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Lets at most a fixed number of password hashes run at once, so that a flood of sign-ins cannot take
 * more than that many times Argon2's memory; a bounded number wait their turn, the rest are refused.
 */
final class HashingGate {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final Semaphore running;
    private final int queue;
    private final Duration maxWait;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Timer hashing;
    private final Counter rejected;

    HashingGate(int concurrency, int queue, Duration maxWait, MeterRegistry meters) {
        this.running = new Semaphore(concurrency, true);
        this.queue = queue;
        this.maxWait = maxWait;
        this.hashing = Timer.builder("myaccount.password.hashing").description("Time spent computing password hashes")
                .register(meters);
        this.rejected = Counter.builder("myaccount.password.hashing.rejected")
                .description("Password hashes turned away because too many were waiting").register(meters);
        Gauge.builder("myaccount.password.hashing.queue", waiting, AtomicInteger::get)
                .description("Password hashes waiting for their turn").register(meters);
        Gauge.builder("myaccount.password.hashing.active", inFlight, AtomicInteger::get)
                .description("Password hashes running now").register(meters);
    }

    <T> T run(Supplier<T> hash) {
        if (!admitted()) {
            rejected.increment();
            throw new HashingBusyException(RETRY_AFTER);
        }
        try {
            inFlight.incrementAndGet();
            return hashing.record(hash);
        } finally {
            inFlight.decrementAndGet();
            running.release();
        }
    }

    /** A free place at once; else a place in the queue, if there is one, and a turn within the longest wait. */
    private boolean admitted() {
        try {
            if (running.tryAcquire(0, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (waiting.incrementAndGet() > queue) {
                waiting.decrementAndGet();
                return false;
            }
            try {
                return running.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                waiting.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
