package dev.myaccount.signin;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;

/** Every sign-in attempt, kept for the person on their Sign-ins page and copied to the audit log. */
@Service
public class SignInLog {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final UserAgents userAgents;
    private final Clock clock;

    SignInLog(JdbcClient jdbc, AuditLog audit, UserAgents userAgents, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.userAgents = userAgents;
        this.clock = clock;
    }

    /** {@code secondFactor} names the kind of method asked for after the password, when one was. */
    record Attempt(SignInDoor door, String upnTyped, UUID accountId, UUID organisationId, SignInOutcome outcome,
            RequestOrigin origin, boolean familiarDevice, String secondFactor) {
    }

    public enum Review {
        LOOKS_GOOD, NOT_ME;

        String stored() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public record Entry(UUID id, Instant at, SignInOutcome outcome, SignInDoor door, String clientAddress,
            String browser, String operatingSystem, boolean familiarDevice, String review, String secondFactor) {

        public boolean failed() {
            return outcome.failed();
        }
    }

    public record Page(List<Entry> entries, int number, boolean hasNext) {
    }

    @Transactional
    void record(Attempt attempt) {
        UserAgents.Parsed agent = userAgents.parse(attempt.origin().userAgent());
        jdbc.sql("""
                insert into sign_in_event (id, occurred_at, upn_typed, account_id, outcome, door, client_address,
                                           browser, operating_system, familiar_device, second_factor)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), clock.instant().atOffset(ZoneOffset.UTC), attempt.upnTyped(),
                        attempt.accountId(), attempt.outcome().name(), attempt.door().name(),
                        attempt.origin().clientAddress(), agent.browser(),
                        agent.operatingSystem(), attempt.familiarDevice(), attempt.secondFactor())
                .update();
        boolean succeeded = attempt.outcome() == SignInOutcome.SUCCEEDED;
        audit.record(new AuditEvent(succeeded ? AuditEventType.SIGN_IN_SUCCEEDED : AuditEventType.SIGN_IN_FAILED,
                attempt.organisationId(), attempt.accountId(), attempt.origin(),
                succeeded ? null : attempt.outcome().name().toLowerCase(Locale.ROOT)));
    }

    /**
     * The account's sign-ins, newest first, {@code size} a page. The order names every column of the index
     * in its direction, so that H2 too reads just the page from it rather than sorting every sign-in.
     */
    public Page page(UUID accountId, int number, int size) {
        List<Entry> entries = jdbc.sql("""
                select id, occurred_at, outcome, door, client_address, browser, operating_system, familiar_device,
                       review, second_factor
                from sign_in_event where account_id = ?
                order by account_id desc, occurred_at desc, id desc limit ? offset ?""")
                .params(accountId, size + 1, (long) number * size)
                .query((rs, n) -> new Entry(rs.getObject("id", UUID.class),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        SignInOutcome.valueOf(rs.getString("outcome")), SignInDoor.valueOf(rs.getString("door")),
                        rs.getString("client_address"),
                        rs.getString("browser"), rs.getString("operating_system"), rs.getBoolean("familiar_device"),
                        rs.getString("review"), rs.getString("second_factor")))
                .list();
        return new Page(entries.subList(0, Math.min(size, entries.size())), number, entries.size() > size);
    }

    /** Every sign-in of the account, newest first, for the person's own copy of their data. */
    public List<Entry> all(UUID accountId) {
        return page(accountId, 0, Integer.MAX_VALUE - 1).entries();
    }

    public enum ReviewResult { REVIEWED, REVIEWED_BEFORE, NOT_FOUND }

    /** Marks one of the account's own sign-ins that has no review yet; a review is given once. */
    @Transactional
    public ReviewResult review(UUID accountId, UUID organisationId, UUID eventId, Review review, RequestOrigin origin) {
        int updated = jdbc.sql("update sign_in_event set review = ? where id = ? and account_id = ? and review is null")
                .params(review.stored(), eventId, accountId).update();
        if (updated == 1) {
            audit.record(new AuditEvent(AuditEventType.SIGN_IN_REVIEWED, organisationId, accountId, origin,
                    review.stored()));
            return ReviewResult.REVIEWED;
        }
        boolean exists = jdbc.sql("select count(*) from sign_in_event where id = ? and account_id = ?")
                .params(eventId, accountId).query(Integer.class).single() > 0;
        return exists ? ReviewResult.REVIEWED_BEFORE : ReviewResult.NOT_FOUND;
    }
}
