package dev.myaccount.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import dev.myaccount.support.AtOnce;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.SecondNode;
import dev.myaccount.support.TestClock;
import dev.myaccount.support.TestClockConfiguration;

/**
 * Every limit is a token bucket in the database the nodes share: takes at once get no more than it holds, it refills
 * by the application's clock, and a limit reached through two nodes is reached on both.
 */
@PortalTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = "myaccount.reset.starts-per-address=4")
class SharedLimitsTest extends PortalTestCase {

    @Autowired
    RateLimits limits;

    @Autowired
    TestClock clock;

    @Autowired
    Environment environment;

    @Test
    void aBucketGivesWhatItHoldsAndATakeGivenBackOnceMore() {
        RateLimiter limiter = limits.limiter("test-" + UUID.randomUUID(), 2, Duration.ofMinutes(5));

        assertThat(limiter.tryTake("a")).isTrue();
        assertThat(limiter.tryTake("a")).isTrue();
        assertThat(limiter.tryTake("a")).isFalse();
        limiter.giveBack("a");
        assertThat(limiter.tryTake("a")).isTrue();
        assertThat(limiter.tryTake("a")).isFalse();
        assertThat(limiter.tryTake("b")).isTrue();
    }

    @Test
    void itRefillsEvenlyByTheApplicationsClock() {
        RateLimiter limiter = limits.limiter("test-" + UUID.randomUUID(), 4, Duration.ofMinutes(4));
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.tryTake("a")).isTrue();
        }
        assertThat(limiter.tryTake("a")).isFalse();

        clock.advance(Duration.ofSeconds(61));
        assertThat(limiter.tryTake("a")).isTrue();
        assertThat(limiter.tryTake("a")).isFalse();
        clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.tryTake("a")).as("take %d after the bucket is full again", i).isTrue();
        }
        assertThat(limiter.tryTake("a")).isFalse();
    }

    @Test
    void twentyTakesAtOnceOfABucketOfFiveGetFive() throws Exception {
        RateLimiter limiter = limits.limiter("test-" + UUID.randomUUID(), 5, Duration.ofHours(1));

        List<Boolean> taken = AtOnce.send(20, i -> limiter.tryTake("203.0.113.7"));

        assertThat(taken.stream().filter(Boolean::booleanValue)).hasSize(5);
    }

    @Test
    void aBucketsRowHoldsNoKeyInClearAndGoesOnceItIsFullAgain() {
        String name = "test-" + UUID.randomUUID();
        limits.limiter(name, 3, Duration.ofMinutes(1)).tryTake("198.51.100.23");
        assertThat(jdbc.sql("select bucket_key from rate_limit where name = ?").param(name).query(String.class)
                .single()).doesNotContain("198.51").hasSize(43);

        clock.advance(Duration.ofMinutes(1).plusMillis(1));
        limits.forgetFullBuckets();

        assertThat(jdbc.sql("select count(*) from rate_limit where name = ?").param(name).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void resetsBegunThroughTwoNodesMeetOneLimit() {
        try (SecondNode other = SecondNode.beside(environment, "--myaccount.reset.starts-per-address=4")) {
            for (int node : new int[] {port, other.port(), port, other.port()}) {
                assertThat(begin(node).location()).as("node %d", node).hasValue("/reset/verify");
            }

            assertThat(begin(other.port()).status()).isEqualTo(429);
            assertThat(begin(port).status()).isEqualTo(429);
        }
    }

    private static PortalClient.Response begin(int node) {
        PortalClient browser = new PortalClient(node);
        return browser.submit(browser.get("/reset").page(), "form[action=/reset]",
                Map.of("upn", "someone." + UUID.randomUUID() + "@fabrikam.example"));
    }
}
