package dev.myaccount.credential;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Password hashes run on a fixed set of hashing threads, so that a flood of sign-ins cannot take more
 * than that many times Argon2's memory; a bounded number wait their turn, the rest are refused.
 */
final class HashingGate implements AutoCloseable {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final ThreadPoolExecutor hashers;
    /** A place for each hash running or waiting: the concurrency plus the queue. */
    private final Semaphore places;
    private final Duration maxWait;
    private final Timer hashing;
    private final Counter rejected;

    HashingGate(int concurrency, int queue, Duration maxWait, MeterRegistry meters) {
        AtomicInteger number = new AtomicInteger();
        this.places = new Semaphore(concurrency + queue);
        this.hashers = new ThreadPoolExecutor(concurrency, concurrency, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "argon2id-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.maxWait = maxWait;
        this.hashing = Timer.builder("myaccount.password.hashing").description("Time spent computing password hashes")
                .register(meters);
        this.rejected = Counter.builder("myaccount.password.hashing.rejected")
                .description("Password hashes turned away because too many were waiting").register(meters);
        Gauge.builder("myaccount.password.hashing.queue", hashers, pool -> pool.getQueue().size())
                .description("Password hashes waiting for their turn").register(meters);
        Gauge.builder("myaccount.password.hashing.active", hashers, ThreadPoolExecutor::getActiveCount)
                .description("Password hashes running now").register(meters);
    }

    /**
     * The hash's result, computed on a hashing thread; HashingBusyException when no place is free to wait,
     * or when its turn has not come within the longest wait. A hash that has begun is always finished.
     */
    <T> T run(Supplier<T> hash) {
        // Whoever comes first claims the task: the hashing thread to run it, or the caller to give it up.
        if (!places.tryAcquire()) {
            rejected.increment();
            throw new HashingBusyException(RETRY_AFTER);
        }
        AtomicBoolean claimed = new AtomicBoolean();
        Future<T> result = hashers.submit(() -> {
            if (!claimed.compareAndSet(false, true)) {
                return null;
            }
            try {
                return hashing.record(hash);
            } finally {
                places.release();
            }
        });
        try {
            try {
                return result.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException tooLong) {
                if (claimed.compareAndSet(false, true)) {
                    places.release();
                    rejected.increment();
                    throw new HashingBusyException(RETRY_AFTER);
                }
                return result.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (claimed.compareAndSet(false, true)) {
                places.release();
            }
            throw new HashingBusyException(RETRY_AFTER);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        }
    }

    @Override
    public void close() {
        hashers.shutdownNow();
    }
}
