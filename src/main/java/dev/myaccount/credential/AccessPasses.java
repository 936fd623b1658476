package dev.myaccount.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Temporary access passes, as in Entra: a random pass an admin gives a person who has no password or lost
 * every method, which signs them in instead of a password until it expires, once or for its whole
 * lifetime. A person has at most one live pass; issuing another revokes it. The pass is shown once, when
 * it is issued, and only its keyed hash is kept.
 */
@Service
public class AccessPasses {

    public static final Duration SHORTEST = Duration.ofHours(1);
    public static final Duration LONGEST = Duration.ofDays(30);
    /** 16 characters of 32 that are hard to mistake for each other: 80 random bits. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 16;
    private static final int GROUP = 4;

    /** A pass just issued: {@code pass} is its only clear copy. */
    public record Issued(String pass, Instant expiresAt, boolean oneTime) {
    }

    /** A live pass as an admin sees it, without the pass itself. */
    public record Live(Instant createdAt, Instant expiresAt, boolean oneTime, String issuedBy) {
    }

    private final JdbcClient jdbc;
    private final PortalKeys keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccessPasses(JdbcClient jdbc, PortalKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
    }

    /** Whether a pass may live this long: an hour to thirty days. */
    public static boolean allowedLifetime(Duration lifetime) {
        return lifetime.compareTo(SHORTEST) >= 0 && lifetime.compareTo(LONGEST) <= 0;
    }

    /**
     * Issues a pass in place of any live one; {@code issuedBy} says who, for the audit log and the admin. Two issues
     * for one person at once would leave two live passes: the people core holds the person's row around it.
     */
    @Transactional
    public Issued issue(UUID accountId, Duration lifetime, boolean oneTime, String issuedBy) {
        if (!allowedLifetime(lifetime)) {
            throw new IllegalArgumentException("A pass lives from an hour to thirty days");
        }
        revoke(accountId);
        String pass = newPass();
        OffsetDateTime expiresAt = now().plus(lifetime);
        jdbc.sql("""
                insert into access_pass (id, account_id, pass_hash, one_time, created_at, expires_at, issued_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), accountId, hash(accountId, pass), oneTime, now(), expiresAt, issuedBy)
                .update();
        return new Issued(pass, expiresAt.toInstant(), oneTime);
    }

    /** Revokes the person's live pass; false when they had none. */
    public boolean revoke(UUID accountId) {
        return jdbc.sql("""
                update access_pass set revoked_at = ?
                where account_id = ? and revoked_at is null and used_at is null and expires_at > ?""")
                .params(now(), accountId, now()).update() > 0;
    }

    /** Whether the person's newest pass stands: an admin has not revoked it since it was issued (or used). */
    public boolean newestStands(UUID accountId) {
        return jdbc.sql("""
                select revoked_at is null from access_pass where account_id = ?
                order by created_at desc, id limit 1""")
                .param(accountId).query(Boolean.class).optional().orElse(false);
    }

    public Optional<Live> live(UUID accountId) {
        return jdbc.sql("""
                select created_at, expires_at, one_time, issued_by from access_pass
                where account_id = ? and revoked_at is null and used_at is null and expires_at > ?""")
                .params(accountId, now())
                .query((rs, n) -> new Live(rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getBoolean("one_time"),
                        rs.getString("issued_by")))
                .optional();
    }

    /**
     * Whether {@code typed} is the person's live pass; a one-time pass is spent by the one call that gets true,
     * however many arrive at once.
     */
    @Transactional
    public boolean use(UUID accountId, String typed) {
        record Stored(UUID id, String hash, boolean oneTime) {
        }
        // Hashed before the look-up, so that a UPN without a pass takes the time of a wrong pass.
        String typedHash = hash(accountId, normalised(typed));
        Optional<Stored> stored = jdbc.sql("""
                select id, pass_hash, one_time from access_pass
                where account_id = ? and revoked_at is null and used_at is null and expires_at > ?""")
                .params(accountId, now())
                .query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getString("pass_hash"),
                        rs.getBoolean("one_time")))
                .optional();
        if (stored.isEmpty() || !MessageDigest.isEqual(stored.get().hash().getBytes(StandardCharsets.US_ASCII),
                typedHash.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        return !stored.get().oneTime() || jdbc.sql("update access_pass set used_at = ? where id = ? and used_at is null")
                .params(now(), stored.get().id()).update() == 1;
    }

    private String newPass() {
        StringBuilder pass = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % GROUP == 0) {
                pass.append('-');
            }
            pass.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return pass.toString();
    }

    /** A pass as typed, without the dashes and spaces people add or leave out, in capitals. */
    private static String normalised(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private String hash(UUID accountId, String pass) {
        byte[] mac = keys.sign("access-pass",
                (accountId + "\n" + normalised(pass)).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
