package dev.myaccount.audit;

import java.time.Clock;
import java.time.ZoneOffset;
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
                                         user_agent, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), clock.instant().atOffset(ZoneOffset.UTC), event.type().storedName(),
                        event.organisationId(), event.accountId(),
                        truncate(event.origin().clientAddress(), ADDRESS_LIMIT),
                        truncate(event.origin().userAgent(), USER_AGENT_LIMIT), event.detail())
                .update();
    }

    private static String truncate(String value, int limit) {
        return value == null || value.length() <= limit ? value : value.substring(0, limit);
    }
}
