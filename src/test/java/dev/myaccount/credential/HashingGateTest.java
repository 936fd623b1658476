package dev.myaccount.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.myaccount.running.RunningRequests;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The gate's waiting: a hash waits for its turn up to the longest wait, and one that gives up frees its place. */
class HashingGateTest {

    private static final Duration LONGEST_WAIT = Duration.ofMillis(300);
    private static final RunningRequests NO_LIMIT = new RunningRequests(0, RunningRequests.LONGEST_RESUME,
            new SimpleMeterRegistry());

    @Test
    void aHashWhoseTurnDoesNotComeInTimeIsRefusedAfterWaitingAndGivesItsPlaceBack() throws Exception {
        HashingGate gate = new HashingGate(1, 1, LONGEST_WAIT, NO_LIMIT, new SimpleMeterRegistry());
        try (GateOccupant occupant = new GateOccupant(gate)) {
            assertRefusedAfterWaiting(gate, "time it waited for its turn");
            // Had the refused hash kept its place, this one would find no place and be refused at once.
            assertRefusedAfterWaiting(gate, "time the next one waited");
            assertThat(occupant.release()).isTrue();
        }
        assertThat(gate.run(() -> true)).as("a hash once the turn is free").isTrue();
    }

    @Test
    void aWaitingHashRunsWhenTheTurnFrees() throws Exception {
        HashingGate gate = new HashingGate(1, 1, Duration.ofSeconds(10), NO_LIMIT, new SimpleMeterRegistry());
        try (GateOccupant occupant = new GateOccupant(gate)) {
            CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> gate.run(() -> "hashed"),
                    GateOccupant.OWN_THREAD);
            Thread.sleep(200);
            assertThat(waiting).as("a hash waiting for the only turn").isNotDone();
            assertThatThrownBy(() -> gate.run(() -> "third")).as("no place left to wait")
                    .isInstanceOf(HashingBusyException.class);

            assertThat(occupant.release()).isTrue();
            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("hashed");
        }
    }

    @Test
    void hashesMeasuredAgainWaitForATurnAsASignInsDoAndAreNotCountedAsSignInsHashes() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        HashingGate gate = new HashingGate(1, 1, Duration.ofSeconds(10), NO_LIMIT, meters);
        try (GateOccupant occupant = new GateOccupant(gate)) {
            CompletableFuture<Void> measuring = CompletableFuture.runAsync(() -> gate.measure(() -> { }),
                    GateOccupant.OWN_THREAD);
            Thread.sleep(200);
            assertThat(measuring).as("measuring while the only turn is taken").isNotDone();
            assertThatThrownBy(() -> gate.measure(() -> { })).as("no place left to wait")
                    .isInstanceOf(HashingBusyException.class);

            assertThat(occupant.release()).isTrue();
            measuring.get(10, TimeUnit.SECONDS);
        }
        assertThat(meters.get("myaccount.password.hashing").timer().count()).as("the occupant's hash alone")
                .isEqualTo(1);
        assertThat(meters.get("myaccount.password.hashing.rejected").counter().count()).isZero();
    }

    private static void assertRefusedAfterWaiting(HashingGate gate, String what) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> gate.run(() -> true)).isInstanceOf(HashingBusyException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as(what)
                .isGreaterThanOrEqualTo(LONGEST_WAIT.minusMillis(50));
    }
}
