package dev.myaccount.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The mechanics every multi-step journey shares (the second sign-in step, re-authentication): a flow is
 * a row with an expiry and an attempt count, kept by the browser that started it in its session. Each
 * step checks the flow before it acts, in one statement, so parallel requests cannot take more attempts
 * than allowed, and a finished or expired flow cannot be used again.
 */
@Service
public class Flows {

    private final JdbcClient jdbc;
    private final Clock clock;

    Flows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public UUID start(String kind, UUID accountId, Duration lifetime) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into flow (id, kind, account_id, attempts, expires_at) values (?, ?, ?, 0, ?)")
                .params(id, kind, accountId, now().plus(lifetime)).update();
        // Flows of the past day and older have no use left; the starts of new ones clear them away.
        jdbc.sql("delete from flow where expires_at < ?").param(now().minusDays(1)).update();
        return id;
    }

    /** Whether the flow of this kind is neither finished nor expired. */
    public boolean isOpen(UUID id, String kind) {
        return jdbc.sql("""
                select count(*) from flow where id = ? and kind = ? and finished_at is null and expires_at > ?""")
                .params(id, kind, now()).query(Integer.class).single() == 1;
    }

    /** Takes one of the flow's attempts; false when the flow is closed or has had {@code allowed} already. */
    public boolean tryAttempt(UUID id, String kind, int allowed) {
        return jdbc.sql("""
                update flow set attempts = attempts + 1
                where id = ? and kind = ? and finished_at is null and expires_at > ? and attempts < ?""")
                .params(id, kind, now(), allowed).update() == 1;
    }

    /** Closes the flow; true for exactly one caller, and only while the flow was open. */
    public boolean finish(UUID id, String kind) {
        return jdbc.sql("""
                update flow set finished_at = ? where id = ? and kind = ? and finished_at is null and expires_at > ?""")
                .params(now(), id, kind, now()).update() == 1;
    }

    /** The account the flow concerns; empty for a flow started for a UPN that matches no account. */
    public Optional<UUID> accountOf(UUID id) {
        return jdbc.sql("select account_id from flow where id = ?").param(id).query(UUID.class).optional();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
