package dev.myaccount.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A token bucket per key (a person, a flow, a destination; client addresses go through {@link AddressRateLimiter})
 * in the database every node shares: {@code capacity} takes, refilled evenly over {@code per} by the application's
 * clock. A take is one conditional update of the bucket's row, which the database locks, so takes at once on any
 * nodes never get more than the bucket holds. Made by {@link RateLimits}.
 */
public final class RateLimiter {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String name;
    private final double capacity;
    private final double perMillisecond;
    private final long perMillis;

    RateLimiter(JdbcClient jdbc, Clock clock, String name, int capacity, Duration per) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.name = name;
        this.capacity = capacity;
        this.perMillis = per.toMillis();
        this.perMillisecond = capacity / (double) perMillis;
    }

    public boolean tryTake(Object key) {
        String bucket = bucket(key);
        long now = clock.millis();
        if (takeFromRow(bucket, now)) {
            return true;
        }
        // No row yet (a full bucket): the first take makes it; of two at once, the loser takes from the winner's.
        return jdbc.sql("""
                insert into rate_limit (name, bucket_key, tokens, refilled_at, full_at) values (?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(name, bucket, capacity - 1, now, now + perMillis).update() == 1 || takeFromRow(bucket, now);
    }

    /** Returns a take that turned out not to count (a sign-in that succeeded). */
    public void giveBack(Object key) {
        jdbc.sql("""
                update rate_limit set tokens = least(cast(? as double precision), tokens + 1)
                where name = ? and bucket_key = ?""")
                .params(capacity, name, bucket(key)).update();
    }

    /** Every parameter typed: an untyped one in arithmetic makes H2 compute in DECFLOAT (BigDecimal). */
    private boolean takeFromRow(String bucket, long now) {
        return jdbc.sql("""
                update rate_limit
                set tokens = least(cast(? as double precision),
                                   tokens + (cast(? as bigint) - refilled_at) * cast(? as double precision)) - 1,
                    refilled_at = ?, full_at = ?
                where name = ? and bucket_key = ?
                  and least(cast(? as double precision),
                            tokens + (cast(? as bigint) - refilled_at) * cast(? as double precision)) >= 1""")
                .params(capacity, now, perMillisecond, now, now + perMillis, name, bucket, capacity, now,
                        perMillisecond)
                .update() == 1;
    }

    /** The key as stored: its SHA-256, so that the table holds no address, number or id in clear. */
    private static String bucket(Object key) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(key).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException always) {
            throw new IllegalStateException(always);
        }
    }
}
