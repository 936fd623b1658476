package dev.myaccount.apps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.myaccount.securityinfo.SealedSecrets;

/**
 * The apps' Shared Signals streams: one an app, pushed to the address its receiver gave, with the authorization
 * header it asked to be sent (kept sealed, as it is a secret of the receiver's), and each event token waiting for
 * its receiver.
 */
@Repository
class SignalStreams {

    enum Status {
        ENABLED, PAUSED, DISABLED;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Stream(String id, String registeredClientId, String clientId, String endpointUrl, String authorizationHeader,
            List<String> eventsRequested, String description, Status status, String statusReason) {

        /** Whether the stream takes {@code event} now: it asked for it, and its app did not disable it. */
        boolean hears(SignalEvent event) {
            return status != Status.DISABLED && eventsDelivered().contains(event.uri);
        }

        /** What of the asked-for events the portal sends: those it supports, in the order it lists them. */
        List<String> eventsDelivered() {
            return SignalEvent.supported().stream().filter(eventsRequested::contains).toList();
        }
    }

    /** An event token that waits for its stream's receiver. */
    record Delivery(String id, String streamId, String eventToken, int attempts, Instant nextAttemptAt) {
    }

    private static final String SELECT = """
            select s.id, s.registered_client_id, c.client_id, s.endpoint_url, s.authorization_header, s.events_requested,
                s.description, s.status, s.status_reason
            from signal_stream s join oauth2_registered_client c on c.id = s.registered_client_id""";

    private final JdbcClient jdbc;
    private final SealedSecrets sealed;
    private final Clock clock;

    SignalStreams(JdbcClient jdbc, SealedSecrets sealed, Clock clock) {
        this.jdbc = jdbc;
        this.sealed = sealed;
        this.clock = clock;
    }

    Optional<Stream> byId(String streamId) {
        return jdbc.sql(SELECT + " where s.id = ?").param(streamId).query(this::stream).optional();
    }

    Optional<Stream> ofApp(String registeredClientId) {
        return jdbc.sql(SELECT + " where s.registered_client_id = ?").param(registeredClientId).query(this::stream)
                .optional();
    }

    /** The streams of the organisation's apps that are on, but for those the app disabled. */
    List<Stream> listening(UUID organisationId) {
        return jdbc.sql(SELECT + " where s.status <> 'DISABLED' and s.registered_client_id in ("
                        + "select registered_client_id from app where organisation_id = ? and disabled_at is null)")
                .param(organisationId).query(this::stream).list();
    }

    /** Adds the app's stream; false when it has one already. */
    boolean add(Stream stream) {
        try {
            return insert(stream);
        } catch (DuplicateKeyException added) {
            return false;
        }
    }

    private boolean insert(Stream stream) {
        return jdbc.sql("""
                insert into signal_stream (id, registered_client_id, endpoint_url, authorization_header, events_requested,
                    description, status, created_at)
                select ?, ?, ?, ?, ?, ?, ?, ? where not exists (
                    select 1 from signal_stream where registered_client_id = ?)""")
                .params(stream.id(), stream.registeredClientId(), stream.endpointUrl(),
                        sealedHeader(stream.authorizationHeader()), String.join(" ", stream.eventsRequested()),
                        stream.description(), stream.status().name(), clock.instant().atOffset(ZoneOffset.UTC),
                        stream.registeredClientId())
                .update() == 1;
    }

    void update(Stream stream) {
        jdbc.sql("""
                update signal_stream set endpoint_url = ?, authorization_header = ?, events_requested = ?,
                    description = ? where id = ?""")
                .params(stream.endpointUrl(), sealedHeader(stream.authorizationHeader()),
                        String.join(" ", stream.eventsRequested()), stream.description(), stream.id())
                .update();
    }

    /** Sets the stream's status; a disabled stream holds no events (SSF 1.0, 8.1.2), so those waiting are dropped. */
    void setStatus(String streamId, Status status, String reason) {
        jdbc.sql("update signal_stream set status = ?, status_reason = ? where id = ?")
                .params(status.name(), reason, streamId).update();
        if (status == Status.DISABLED) {
            jdbc.sql("delete from signal_delivery where stream_id = ?").param(streamId).update();
        }
    }

    void delete(String streamId) {
        jdbc.sql("delete from signal_delivery where stream_id = ?").param(streamId).update();
        jdbc.sql("delete from signal_stream where id = ?").param(streamId).update();
    }

    /** Takes the person out of the stream; taking them out again changes nothing. */
    void removeSubject(String streamId, UUID accountId) {
        jdbc.sql("""
                insert into signal_stream_removed_subject (stream_id, account_id) values (?, ?)
                on conflict do nothing""").params(streamId, accountId).update();
    }

    /** Puts the person back in the stream. */
    void addSubject(String streamId, UUID accountId) {
        jdbc.sql("delete from signal_stream_removed_subject where stream_id = ? and account_id = ?")
                .params(streamId, accountId).update();
    }

    /** Whether the stream hears of the person: all of its organisation's people but those its app took out. */
    boolean hasSubject(String streamId, UUID accountId) {
        return jdbc.sql("select count(*) from signal_stream_removed_subject where stream_id = ? and account_id = ?")
                .params(streamId, accountId).query(Integer.class).single() == 0;
    }

    void queue(String streamId, String eventToken) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into signal_delivery (id, stream_id, event_token, attempts, next_attempt_at, created_at)
                values (?, ?, ?, 0, ?, ?)""")
                .params(UUID.randomUUID().toString(), streamId, eventToken, now.atOffset(ZoneOffset.UTC),
                        now.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Where the streams of the organisation's apps go and how many events wait in each, by app: one query. */
    Map<String, Apps.Signals> signalsOf(UUID organisationId) {
        return jdbc.sql("""
                select s.registered_client_id, s.endpoint_url, s.status,
                       (select count(*) from signal_delivery d where d.stream_id = s.id)
                from signal_stream s join app a on a.registered_client_id = s.registered_client_id
                where a.organisation_id = ?""").param(organisationId)
                .query((rs, row) -> Map.entry(rs.getString(1), new Apps.Signals(rs.getString(2),
                        Status.valueOf(rs.getString(3)).value(), rs.getInt(4))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Deliveries whose time has come, of streams that are enabled, the oldest first. */
    List<Delivery> due(int most) {
        return jdbc.sql("""
                select d.id, d.stream_id, d.event_token, d.attempts, d.next_attempt_at from signal_delivery d
                join signal_stream s on s.id = d.stream_id
                where d.next_attempt_at <= ? and s.status = 'ENABLED'
                order by d.next_attempt_at limit ?""")
                .params(clock.instant().atOffset(ZoneOffset.UTC), most)
                .query((rs, row) -> new Delivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Takes the delivery for this node until {@code until}, unless another node took it first (its next attempt is
     * no longer the one read): every node pushes, and no event is pushed twice at once.
     */
    boolean take(Delivery delivery, Instant until) {
        return jdbc.sql("update signal_delivery set next_attempt_at = ? where id = ? and next_attempt_at = ?")
                .params(until.atOffset(ZoneOffset.UTC), delivery.id(), delivery.nextAttemptAt().atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    void delivered(String deliveryId) {
        jdbc.sql("delete from signal_delivery where id = ?").param(deliveryId).update();
    }

    void tryAgain(String deliveryId, int attempts, Instant at) {
        jdbc.sql("update signal_delivery set attempts = ?, next_attempt_at = ? where id = ?")
                .params(attempts, at.atOffset(ZoneOffset.UTC), deliveryId).update();
    }

    private Stream stream(ResultSet rs, int row) throws SQLException {
        String header = rs.getString(5);
        String requested = rs.getString(6);
        return new Stream(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                header == null ? null : sealed.open(header),
                requested.isEmpty() ? List.of() : Arrays.asList(requested.split(" ")), rs.getString(7),
                Status.valueOf(rs.getString(8)), rs.getString(9));
    }

    private String sealedHeader(String header) {
        return header == null ? null : sealed.seal(header);
    }
}
