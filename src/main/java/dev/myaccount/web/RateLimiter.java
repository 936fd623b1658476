package dev.myaccount.web;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.github.bucket4j.Bucket;

/**
 * Token buckets by key (a person, a flow; client addresses go through {@link AddressRateLimiter}), on this
 * node: {@code capacity} takes, refilled evenly over {@code per}. A bucket is forgotten once it would be full again, which is all a new one
 * would be, so a key that is being limited is kept for as long as its limit holds. At most
 * {@link #MOST_KEYS} are kept: past that Caffeine drops the rarely and least recently used ones, one at a
 * time, so a flood of made-up keys neither grows memory nor frees a key that keeps being tried.
 */
public final class RateLimiter {

    static final int MOST_KEYS = 50_000;

    private final int capacity;
    private final Duration per;
    private final Cache<Object, Bucket> buckets;

    public RateLimiter(int capacity, Duration per) {
        this.capacity = capacity;
        this.per = per;
        // Evictions run on the calling thread: no background work, and the bound holds at every moment.
        this.buckets = Caffeine.newBuilder().maximumSize(MOST_KEYS).expireAfter(new UntilFull())
                .executor(Runnable::run).build();
    }

    public boolean tryTake(Object key) {
        return bucket(key).tryConsume(1);
    }

    /** Returns a take that turned out not to count (a sign-in that succeeded). */
    public void giveBack(Object key) {
        bucket(key).addTokens(1);
    }

    private Bucket bucket(Object key) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, per))
                .build());
    }

    /** Keeps a bucket until it has refilled from the take that follows this look-up. */
    private final class UntilFull implements Expiry<Object, Bucket> {

        @Override
        public long expireAfterCreate(Object key, Bucket bucket, long now) {
            return untilFull(bucket);
        }

        @Override
        public long expireAfterUpdate(Object key, Bucket bucket, long now, long current) {
            return untilFull(bucket);
        }

        @Override
        public long expireAfterRead(Object key, Bucket bucket, long now, long current) {
            return untilFull(bucket);
        }

        private long untilFull(Bucket bucket) {
            long missing = capacity - bucket.getAvailableTokens() + 1;
            return per.toNanos() / capacity * missing;
        }
    }
}
