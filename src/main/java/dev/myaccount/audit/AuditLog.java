package dev.myaccount.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Appends events to the audit log; nothing in the portal updates or deletes them. */
@Service
public class AuditLog {

    private static final int USER_AGENT_LIMIT = 512;
    private static final int ADDRESS_LIMIT = 64;
    private static final int NAME_LIMIT = 256;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccountNames names;

    AuditLog(JdbcClient jdbc, Clock clock, AccountNames names) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.names = names;
    }

    /** Appends the event, with the UPN and name its person and its actor have now, which it keeps for ever. */
    public void record(AuditEvent event) {
        Optional<AccountNames.Named> subject = named(event.accountId());
        Optional<AccountNames.Named> actor = event.actorId() != null && event.actorId().equals(event.accountId())
                ? subject : named(event.actorId());
        jdbc.sql("""
                insert into audit_event (id, occurred_at, type, organisation_id, account_id, client_address,
                                         user_agent, detail, actor_account_id, subject_upn, subject_name, actor_upn,
                                         actor_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), clock.instant().atOffset(ZoneOffset.UTC), event.type().storedName(),
                        event.organisationId(), event.accountId(),
                        truncate(event.origin().clientAddress(), ADDRESS_LIMIT),
                        truncate(event.origin().userAgent(), USER_AGENT_LIMIT), event.detail(), event.actorId(),
                        subject.map(AccountNames.Named::upn).orElse(null),
                        subject.map(AccountNames.Named::displayName).orElse(null),
                        actor.map(AccountNames.Named::upn).orElse(null),
                        actor.map(AccountNames.Named::displayName).orElse(truncate(event.actorName(), NAME_LIMIT)))
                .update();
    }

    private Optional<AccountNames.Named> named(UUID accountId) {
        return accountId == null ? Optional.empty() : names.of(accountId);
    }

    /** An event as a person's own data shows it. */
    public record Entry(Instant at, String type, String clientAddress, String userAgent, String detail) {
    }

    /**
     * The account's events, oldest first, as the person's own data: where someone else acted on them (an admin, a
     * SCIM client, the command line), that one's address and browser are not theirs, and are left out.
     */
    public List<Entry> of(UUID accountId) {
        return jdbc.sql("""
                select occurred_at, type, detail,
                       case when own then client_address end as client_address,
                       case when own then user_agent end as user_agent
                from (select e.*, (e.actor_account_id is null or e.actor_account_id = e.account_id)
                                  and e.actor_name is null as own
                      from audit_event e where e.account_id = ?) events
                order by occurred_at, id""")
                .param(accountId)
                .query((rs, n) -> new Entry(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("type"), rs.getString("client_address"), rs.getString("user_agent"),
                        rs.getString("detail")))
                .list();
    }

    /**
     * Which of an organisation's events an admin asks for; a null part asks nothing of it. A person is asked for by
     * the UPN they had at the time of the event, or by the account that has it now ({@code accountId}, null when no
     * one has it any more), as the person the event concerns or as who did it.
     */
    public record Filter(UUID organisationId, String upn, UUID accountId, AuditEventType type, Instant from,
            Instant until) {
    }

    /**
     * An event as the organisation's admin sees it: whom it concerns and who did it, by UPN and name as they were;
     * the actor without a UPN is a client (a SCIM token, the command line), named.
     */
    public record OrganisationEntry(Instant at, String type, String upn, String name, String actorUpn,
            String actorName, String clientAddress, String userAgent, String detail) {
    }

    /** The organisation's events the filter asks for, newest first. */
    public List<OrganisationEntry> of(Filter filter, int offset, int limit) {
        StringBuilder sql = new StringBuilder("""
                select e.occurred_at, e.type, e.subject_upn, e.subject_name, e.actor_upn, e.actor_name,
                       e.client_address, e.user_agent, e.detail
                from audit_event e
                where e.organisation_id = ?""");
        List<Object> params = new ArrayList<>(List.of(filter.organisationId()));
        if (filter.upn() != null) {
            sql.append(" and (e.subject_upn = ? or e.actor_upn = ?");
            params.addAll(List.of(filter.upn(), filter.upn()));
            if (filter.accountId() != null) {
                sql.append(" or e.account_id = ? or e.actor_account_id = ?");
                params.addAll(List.of(filter.accountId(), filter.accountId()));
            }
            sql.append(")");
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
                        rs.getString("type"), rs.getString("subject_upn"), rs.getString("subject_name"),
                        rs.getString("actor_upn"), rs.getString("actor_name"), rs.getString("client_address"),
                        rs.getString("user_agent"), rs.getString("detail")))
                .list();
    }

    private static String truncate(String value, int limit) {
        return value == null || value.length() <= limit ? value : value.substring(0, limit);
    }
}
