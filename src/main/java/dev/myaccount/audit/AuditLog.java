package dev.myaccount.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

    /** Which of an organisation's events an admin asks for; a null part asks nothing of it. */
    public record Filter(UUID organisationId, UUID accountId, AuditEventType type, Instant from, Instant until) {
    }

    /** An event as the organisation's admin sees it: whom it concerns and which admin did it, by UPN. */
    public record OrganisationEntry(Instant at, String type, String upn, String actorUpn, String clientAddress,
            String userAgent, String detail) {
    }

    /** The organisation's events the filter asks for, newest first. */
    public List<OrganisationEntry> of(Filter filter, int offset, int limit) {
        StringBuilder sql = new StringBuilder("""
                select e.occurred_at, e.type, a.upn, actor.upn as actor_upn, e.client_address, e.user_agent, e.detail
                from audit_event e left join account a on a.id = e.account_id
                left join account actor on actor.id = e.actor_account_id
                where e.organisation_id = ?""");
        List<Object> params = new ArrayList<>(List.of(filter.organisationId()));
        if (filter.accountId() != null) {
            sql.append(" and e.account_id = ?");
            params.add(filter.accountId());
        }
        if (filter.type() != null) {
            sql.append(" and e.type = ?");
            params.add(filter.type().storedName());
        }
        if (filter.from() != null) {
            sql.append(" and e.occurred_at >= ?");
            params.add(filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.until() != null) {
            sql.append(" and e.occurred_at < ?");
            params.add(filter.until().atOffset(ZoneOffset.UTC));
        }
        sql.append(" order by e.occurred_at desc, e.id desc limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new OrganisationEntry(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("type"), rs.getString("upn"), rs.getString("actor_upn"),
                        rs.getString("client_address"), rs.getString("user_agent"), rs.getString("detail")))
                .list();
    }

    private static String truncate(String value, int limit) {
        return value == null || value.length() <= limit ? value : value.substring(0, limit);
    }
}
