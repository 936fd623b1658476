package dev.myaccount.password;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;

/**
 * How often one person may ask the live check: enough for typing (20 in any 10 seconds), too few to
 * make it a tool for testing a list of guesses against the policy.
 */
@Component
class PasswordCheckLimit {

    private static final int CHECKS = 20;
    private static final Duration PER = Duration.ofSeconds(10);
    /** Buckets of people who stopped typing are dropped wholesale now and then, so memory stays bounded. */
    private static final int MOST_PEOPLE_TRACKED = 10_000;

    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    boolean tryTake(UUID accountId) {
        if (buckets.size() > MOST_PEOPLE_TRACKED) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(accountId, id -> Bucket.builder()
                .addLimit(limit -> limit.capacity(CHECKS).refillGreedy(CHECKS, PER))
                .build()).tryConsume(1);
    }
}
