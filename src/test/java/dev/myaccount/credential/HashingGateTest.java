package dev.myaccount.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The gate's waiting: a hash waits for its turn up to the longest wait, and one that gives up frees its place. */
class HashingGateTest {

    private static final Duration LONGEST_WAIT = Duration.ofMillis(300);

    /** Threads of their own: the common pool has a single thread on two processors. */
    private final ExecutorService callers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void aHashWhoseTurnDoesNotComeInTimeIsRefusedAfterWaitingAndGivesItsPlaceBack() throws Exception {
        HashingGate gate = new HashingGate(1, 1, LONGEST_WAIT, new SimpleMeterRegistry());
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> occupant = CompletableFuture.supplyAsync(() -> gate.run(() -> {
            held.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }), callers);
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

            long start = System.nanoTime();
            assertThatThrownBy(() -> gate.run(() -> true)).isInstanceOf(HashingBusyException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time it waited for its turn")
                    .isGreaterThanOrEqualTo(LONGEST_WAIT.minusMillis(50));

            // Had the refused hash kept its place, this one would find no place and be refused at once.
            start = System.nanoTime();
            assertThatThrownBy(() -> gate.run(() -> true)).isInstanceOf(HashingBusyException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time the next one waited")
                    .isGreaterThanOrEqualTo(LONGEST_WAIT.minusMillis(50));
        } finally {
            release.countDown();
        }
        assertThat(occupant.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(gate.run(() -> true)).as("a hash once the turn is free").isTrue();
    }

    @Test
    void aWaitingHashRunsWhenTheTurnFrees() throws Exception {
        HashingGate gate = new HashingGate(1, 1, Duration.ofSeconds(10), new SimpleMeterRegistry());
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> occupant = CompletableFuture.supplyAsync(() -> gate.run(() -> {
            held.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }), callers);
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> gate.run(() -> "hashed"), callers);
        Thread.sleep(200);
        assertThat(waiting).as("a hash waiting for the only turn").isNotDone();
        assertThatThrownBy(() -> gate.run(() -> "third")).as("no place left to wait")
                .isInstanceOf(HashingBusyException.class);

        release.countDown();
        assertThat(occupant.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("hashed");
    }
}
