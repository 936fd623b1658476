package dev.myaccount.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Appends events to the audit log; nothing in the portal updates or deletes them. */
@Service
public class AuditLog {

    private static final int USER_AGENT_LIMIT = 512;
    private static final int ADDRESS_LIMIT = 64;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(AuditEvent event) {
        jdbc.sql("""
                insert into audit_event (id, occurred_at, type, organisation_id, account_id, client_address,
                                         user_agent, detail, actor_account_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), clock.instant().atOffset(ZoneOffset.UTC), event.type().storedName(),
                        event.organisationId(), event.accountId(),
                        truncate(event.origin().clientAddress(), ADDRESS_LIMIT),
                        truncate(event.origin().userAgent(), USER_AGENT_LIMIT), event.detail(), event.actorId())
                .update();
    }

    /** An event as a person's own data shows it. */
    public record Entry(Instant at, String type, String clientAddress, String userAgent, String detail) {
    }

    /** The account's events, oldest first. */
    public List<Entry> of(UUID accountId) {
        return jdbc.sql("""
                select occurred_at, type, client_address, user_agent, detail from audit_event
                where account_id = ? order by occurred_at, id""")
                .param(accountId)
                .query((rs, n) -> new Entry(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("type"), rs.getString("client_address"), rs.getString("user_agent"),
                        rs.getString("detail")))
                .list();
    }

    private static String truncate(String value, int limit) {
        return value == null || value.length() <= limit ? value : value.substring(0, limit);
    }
}
