package dev.myaccount.credential;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.myaccount.running.RunningRequests;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * At most {@code concurrency} password hashes run at once, so that a flood of sign-ins cannot take more than that
 * many times Argon2's memory; a bounded number wait their turn, the rest are refused. A hash runs on the thread
 * that asks for it: handing it to a thread of its own cost two wake-ups a sign-in, for no less memory, since
 * libsodium maps each hash's memory and unmaps it after. The request lets its turn to run go meanwhile: a hash is
 * bounded here, and the pages run beside it.
 */
final class HashingGate {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** A place for each hash running or waiting: the concurrency plus the queue. */
    private final Semaphore places;
    /** A turn for each hash running, given in the order they were asked for. */
    private final Semaphore turns;
    private final Duration maxWait;
    private final RunningRequests running;
    private final Timer hashing;
    private final Counter rejected;

    HashingGate(int concurrency, int queue, Duration maxWait, RunningRequests running, MeterRegistry meters) {
        this.places = new Semaphore(concurrency + queue);
        this.turns = new Semaphore(concurrency, true);
        this.maxWait = maxWait;
        this.running = running;
        this.hashing = Timer.builder("myaccount.password.hashing").description("Time spent computing password hashes")
                .register(meters);
        this.rejected = Counter.builder("myaccount.password.hashing.rejected")
                .description("Password hashes turned away because too many were waiting").register(meters);
        Gauge.builder("myaccount.password.hashing.queue", turns, Semaphore::getQueueLength)
                .description("Password hashes waiting for their turn").register(meters);
        Gauge.builder("myaccount.password.hashing.active", turns, hashes -> concurrency - hashes.availablePermits())
                .description("Password hashes running now").register(meters);
    }

    /**
     * The hash's result; HashingBusyException when no place is free to wait, or when its turn has not come within
     * the longest wait. A hash that has begun is always finished.
     */
    <T> T run(Supplier<T> hash) {
        try (RunningRequests.Wait waiting = running.waiting()) {
            return inTurn(() -> hashing.record(hash));
        } catch (HashingBusyException busy) {
            rejected.increment();
            throw busy;
        }
    }

    /**
     * Hashes no request asked for (the implementations measured again), in a turn of their own as a sign-in's hash
     * would be, so that no more run at once; not timed with the sign-ins' hashes. HashingBusyException as for those.
     */
    void measure(Runnable hashes) {
        inTurn(() -> {
            hashes.run();
            return null;
        });
    }

    private <T> T inTurn(Supplier<T> hash) {
        if (!places.tryAcquire()) {
            throw new HashingBusyException(RETRY_AFTER);
        }
        try {
            if (!turns.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new HashingBusyException(RETRY_AFTER);
            }
            try {
                return hash.get();
            } finally {
                turns.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusyException(RETRY_AFTER);
        } finally {
            places.release();
        }
    }
}
