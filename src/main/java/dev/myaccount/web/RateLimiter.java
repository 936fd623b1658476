package dev.myaccount.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;

/**
 * Token buckets by key (a person, a client address), on this node: {@code capacity} takes, refilled
 * evenly over {@code per}. Buckets of keys gone quiet are dropped wholesale now and then, so memory stays
 * bounded whatever the number of keys an attacker makes up.
 */
public final class RateLimiter {

    private static final int MOST_KEYS = 10_000;

    private final int capacity;
    private final Duration per;
    private final Map<Object, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, Duration per) {
        this.capacity = capacity;
        this.per = per;
    }

    public boolean tryTake(Object key) {
        if (buckets.size() > MOST_KEYS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, per))
                .build()).tryConsume(1);
    }
}
