package dev.myaccount.running;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * At most {@code limit} requests run at once, each in its turn, in the order they came; the others wait before the
 * portal reads them. Sixteen requests time-sharing two processors each wait for slices of all the others, which made
 * the slowest 1 % of pages about twice as slow as in turns (docs/benchmarks.md, "Turns to run"). A request lets its
 * turn go while it waits for something outside the portal's processors ({@link #waiting()}: a hash, which its own
 * gate bounds, a directory, a mail server), and gets one back before those that have not started. One that cannot
 * get one back within the longest resume ({@link #LONGEST_RESUME} in the portal) goes on without, since what the
 * running ones wait for may be a lock it holds. A request gives its turn up for good before its answer can reach the
 * network ({@link TurnLeavingResponse}), so that a client that does not read cannot hold a turn.
 */
public final class RunningRequests implements Filter {

    public static final Duration LONGEST_RESUME = Duration.ofMillis(50);

    private final int limit;
    private final long longestResume;
    private final ReentrantLock lock = new ReentrantLock();
    private final Queue<Waiter> resuming = new ArrayDeque<>();
    private final Queue<Waiter> starting = new ArrayDeque<>();
    private final ThreadLocal<Boolean> holding = new ThreadLocal<>();
    private final Counter beyondLimit;
    private int running;

    /** Turns for {@code limit} requests at once; 0 for no limit. */
    public RunningRequests(int limit, Duration longestResume, MeterRegistry meters) {
        this.limit = limit;
        this.longestResume = longestResume.toNanos();
        this.beyondLimit = Counter.builder("myaccount.requests.beyond.limit")
                .description("Requests that went on without a turn after waiting for something outside the portal")
                .register(meters);
        Gauge.builder("myaccount.requests.running", this, turns -> turns.count(() -> turns.running))
                .description("Requests running in a turn").register(meters);
        Gauge.builder("myaccount.requests.waiting", this, turns -> turns.count(() -> turns.starting.size()))
                .description("Requests waiting for a turn to start").register(meters);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (limit == 0 || holding.get() != null) {
            chain.doFilter(request, response);
            return;
        }
        take(starting, Long.MAX_VALUE);
        holding.set(Boolean.TRUE);
        try {
            chain.doFilter(request, response instanceof HttpServletResponse answer
                    ? new TurnLeavingResponse(answer, this::letGo) : response);
        } finally {
            letGo();
        }
    }

    /** This thread's turn goes for the rest of its request, if it has one. */
    private void letGo() {
        if (holding.get() != null) {
            holding.remove();
            give();
        }
    }

    /**
     * Lets this thread's turn go until the returned wait is closed, for a wait outside the portal's processors;
     * nothing when the thread has no turn (a scheduled task, a command, no limit).
     */
    public Wait waiting() {
        if (holding.get() == null) {
            return () -> { };
        }
        letGo();
        return () -> {
            if (!take(resuming, longestResume)) {
                beyondLimit.increment();
            }
            holding.set(Boolean.TRUE);
        };
    }

    /** The end of a wait: the turn is taken back. */
    public interface Wait extends AutoCloseable {

        @Override
        void close();
    }

    /** Whether a turn was had within {@code nanos}; when not, the request runs anyway, counted among the running. */
    private boolean take(Queue<Waiter> queue, long nanos) {
        Waiter waiter;
        lock.lock();
        try {
            if (running < limit) {
                running++;
                return true;
            }
            waiter = new Waiter(Thread.currentThread());
            queue.add(waiter);
        } finally {
            lock.unlock();
        }
        long deadline = System.nanoTime() + nanos;
        boolean interrupted = false;
        while (!waiter.given) {
            long left = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            LockSupport.parkNanos(this, Math.min(left, Long.MAX_VALUE / 2));
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            if (waiter.given) {
                return true;
            }
            queue.remove(waiter);
            running++;
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** The turn goes straight to the first request resuming, else to the first waiting to start. */
    private void give() {
        Waiter next;
        lock.lock();
        try {
            next = resuming.poll();
            if (next == null) {
                next = starting.poll();
            }
            if (next == null) {
                running--;
                return;
            }
            next.given = true;
        } finally {
            lock.unlock();
        }
        LockSupport.unpark(next.thread);
    }

    private int count(IntSupplier counted) {
        lock.lock();
        try {
            return counted.getAsInt();
        } finally {
            lock.unlock();
        }
    }

    private static final class Waiter {

        final Thread thread;
        volatile boolean given;

        Waiter(Thread thread) {
            this.thread = thread;
        }
    }
}
