package dev.myaccount.web;

import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Makes the portal's limits, each a named set of buckets in the shared database, and forgets full buckets. */
@Component
public class RateLimits {

    private final JdbcClient jdbc;
    private final Clock clock;

    RateLimits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The limit {@code name} (one per limit, the same on every node): {@code capacity} takes per {@code per}. */
    public RateLimiter limiter(String name, int capacity, Duration per) {
        return new RateLimiter(jdbc, clock, name, capacity, per);
    }

    public AddressRateLimiter perAddress(String name, int capacity, Duration per) {
        return new AddressRateLimiter(limiter(name, capacity, per));
    }

    /** A bucket that has refilled is what a missing row stands for: its row goes, on whichever node runs this. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void forgetFullBuckets() {
        jdbc.sql("delete from rate_limit where full_at < ?").param(clock.millis()).update();
    }
}
