package dev.myaccount.running;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import jakarta.servlet.FilterChain;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Turns to run: no more requests run at once than the limit, the others start in the order they came, a request
 * waiting outside the portal lets its turn go and gets one back before those not started, and never waits for it
 * longer than the longest resume.
 */
class RunningRequestsTest {

    /** Longer than any test waits, so that only the test of the longest resume meets it. */
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofMillis(50);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void requestsBeyondTheLimitWaitAndStartInTheOrderTheyCame() throws Exception {
        RunningRequests turns = new RunningRequests(2, LONG, meters);
        CountDownLatch firstEnds = new CountDownLatch(1);
        CountDownLatch secondEnds = new CountDownLatch(1);
        CountDownLatch atOnce = new CountDownLatch(0);
        CompletableFuture<Void> first = request(turns, "A", firstEnds);
        CompletableFuture<Void> second = request(turns, "B", secondEnds);
        waitUntil(() -> events.size() == 2);
        CompletableFuture<Void> third = request(turns, "C", atOnce);
        waitUntil(() -> waiting() == 1);
        CompletableFuture<Void> fourth = request(turns, "D", atOnce);
        waitUntil(() -> waiting() == 2);
        CompletableFuture<Void> fifth = request(turns, "E", atOnce);
        waitUntil(() -> waiting() == 3);
        assertThat(events).as("running while the two turns are taken").containsExactlyInAnyOrder("A", "B");

        // One turn comes free; the three waiting pass through it one after the other.
        firstEnds.countDown();
        CompletableFuture.allOf(first, third, fourth, fifth).get(10, TimeUnit.SECONDS);
        assertThat(events.subList(2, 5)).containsExactly("C", "D", "E");
        secondEnds.countDown();
        second.get(10, TimeUnit.SECONDS);
        assertThat(meters.get("myaccount.requests.running").gauge().value()).isZero();
    }

    @Test
    void aRequestWaitingOutsideLetsItsTurnGoAndGetsOneBackBeforeThoseNotStarted() throws Exception {
        RunningRequests turns = new RunningRequests(1, LONG, meters);
        CountDownLatch outsideAnswers = new CountDownLatch(1);
        CountDownLatch secondEnds = new CountDownLatch(1);
        CountDownLatch firstEnds = new CountDownLatch(1);
        AtomicReference<Thread> firstThread = new AtomicReference<>();
        CompletableFuture<Void> first = run(turns, () -> {
            firstThread.set(Thread.currentThread());
            events.add("A");
            try (RunningRequests.Wait waiting = turns.waiting()) {
                await(outsideAnswers);
            }
            events.add("A resumed");
            await(firstEnds);
        });
        waitUntil(() -> events.contains("A"));
        CompletableFuture<Void> second = request(turns, "B", secondEnds);
        waitUntil(() -> events.contains("B"));
        CompletableFuture<Void> third = request(turns, "C", new CountDownLatch(0));
        waitUntil(() -> waiting() == 1);

        outsideAnswers.countDown();
        waitUntil(() -> LockSupport.getBlocker(firstThread.get()) == turns);
        assertThat(events).as("the first waiting to resume while the second runs").doesNotContain("A resumed");
        secondEnds.countDown();
        waitUntil(() -> events.contains("A resumed"));
        assertThat(events).as("the third still waits while the first runs again").doesNotContain("C");
        assertThat(beyondLimit()).isZero();

        firstEnds.countDown();
        CompletableFuture.allOf(first, second, third).get(10, TimeUnit.SECONDS);
        assertThat(events).containsExactly("A", "B", "A resumed", "C");
    }

    @Test
    void aRequestWhoseTurnDoesNotComeBackGoesOnWithoutItAfterTheLongestResume() throws Exception {
        RunningRequests turns = new RunningRequests(1, SHORT, meters);
        CountDownLatch firstDone = new CountDownLatch(1);
        AtomicLong resumedAfter = new AtomicLong();
        CompletableFuture<Void> first = run(turns, () -> {
            RunningRequests.Wait waiting = turns.waiting();
            // The second request takes the turn and holds it until the first is done, as if it waited for a lock
            // the first holds.
            CompletableFuture<Void> holder = request(turns, "B", firstDone);
            waitUntil(() -> events.contains("B"));
            long start = System.nanoTime();
            waiting.close();
            resumedAfter.set(System.nanoTime() - start);
            firstDone.countDown();
            holder.join();
        });

        first.get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(resumedAfter.get())).as("waited to resume")
                .isGreaterThanOrEqualTo(SHORT.minusMillis(1))
                .isLessThan(Duration.ofSeconds(5));
        assertThat(beyondLimit()).isEqualTo(1);
        assertThat(meters.get("myaccount.requests.running").gauge().value()).isZero();
    }

    @Test
    void aRequestGivesItsTurnUpBeforeItsAnswerMayReachTheNetwork() throws Exception {
        RunningRequests turns = new RunningRequests(1, LONG, meters);
        turns.doFilter(null, new MockHttpServletResponse(), (request, response) -> {
            response.getWriter().write("a page that fits the buffer");
            events.add("running after a small page: " + running());
            response.getWriter().write("x".repeat(TurnLeavingResponse.BUFFER / 3));
            events.add("running after more than the buffer may hold: " + running());
        });
        turns.doFilter(null, new MockHttpServletResponse(), (request, response) -> {
            response.getOutputStream().write(new byte[100]);
            events.add("running before a flush: " + running());
            response.getOutputStream().flush();
            events.add("running after it: " + running());
        });
        assertThat(events).containsExactly("running after a small page: 1",
                "running after more than the buffer may hold: 0", "running before a flush: 1", "running after it: 0");
        assertThat(running()).as("no turn given twice").isZero();
    }

    @Test
    void theSameRequestPassingTheFilterAgainTakesNoSecondTurn() throws Exception {
        RunningRequests turns = new RunningRequests(1, LONG, meters);
        FilterChain errorPage = (request, response) -> events.add("error page");
        run(turns, () -> {
            try {
                turns.doFilter(null, null, errorPage);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(10, TimeUnit.SECONDS);
        assertThat(events).containsExactly("error page");
    }

    @Test
    void withoutALimitRequestsDoNotWait() throws Exception {
        RunningRequests turns = new RunningRequests(0, LONG, meters);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = request(turns, "A", release);
        CompletableFuture<Void> second = request(turns, "B", release);
        waitUntil(() -> events.size() == 2);
        release.countDown();
        CompletableFuture.allOf(first, second).get(10, TimeUnit.SECONDS);
    }

    /** A request that notes its name when it runs, then holds its turn until {@code release}. */
    private CompletableFuture<Void> request(RunningRequests turns, String name, CountDownLatch release) {
        return run(turns, () -> {
            events.add(name);
            await(release);
        });
    }

    /** {@code body} as a request through the filter, on a thread of its own. */
    private static CompletableFuture<Void> run(RunningRequests turns, Runnable body) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        new Thread(() -> {
            try {
                turns.doFilter(null, null, (request, response) -> body.run());
                done.complete(null);
            } catch (Throwable failed) {
                done.completeExceptionally(failed);
            }
        }).start();
        return done;
    }

    private long running() {
        return (long) meters.get("myaccount.requests.running").gauge().value();
    }

    private double waiting() {
        return meters.get("myaccount.requests.waiting").gauge().value();
    }

    private double beyondLimit() {
        return meters.get("myaccount.requests.beyond.limit").counter().count();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
