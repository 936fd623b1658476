package dev.myaccount.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** A hash that holds one of the gate's turns, on a thread of its own, until the test releases it. */
final class GateOccupant implements AutoCloseable {

    /** A thread for each task: the common pool has a single thread on two processors, and these tasks block. */
    static final Executor OWN_THREAD = task -> new Thread(task).start();

    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Boolean> held;

    /** Returns once the occupant's hash is running. */
    GateOccupant(HashingGate gate) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        this.held = CompletableFuture.supplyAsync(() -> gate.run(() -> {
            running.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }), OWN_THREAD);
        assertThat(running.await(10, TimeUnit.SECONDS)).as("the occupant's hash running").isTrue();
    }

    /** Ends the occupant's hash; true when it ran to its release. */
    boolean release() throws Exception {
        release.countDown();
        return held.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        release.countDown();
    }
}
