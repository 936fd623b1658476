package dev.myaccount.apps;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The portal's own facts of each registered client: its organisation, who registered it, whether it is off. */
@Repository
class AppRepository {

    /** The portal's facts of one app. */
    record Row(String registeredClientId, Instant createdAt, String createdBy, boolean disabled) {
    }

    private static final int ORGANISATIONS_KEPT = 1024;

    private final JdbcClient jdbc;
    /** Every token names its app's organisation, which never changes: what was read is kept, for the last apps. */
    private final Map<String, UUID> organisations = LastUsed.keeping(ORGANISATIONS_KEPT);

    AppRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String registeredClientId, UUID organisationId, Instant at, String by) {
        jdbc.sql("insert into app (registered_client_id, organisation_id, created_at, created_by) values (?, ?, ?, ?)")
                .params(registeredClientId, organisationId, at.atOffset(ZoneOffset.UTC), by).update();
    }

    Optional<UUID> organisationOfClient(String clientId) {
        return jdbc.sql("""
                select a.organisation_id from app a join oauth2_registered_client c on c.id = a.registered_client_id
                where c.client_id = ?""").param(clientId).query(UUID.class).optional();
    }

    Optional<UUID> organisationOf(String registeredClientId) {
        UUID kept = organisations.get(registeredClientId);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<UUID> organisation = jdbc.sql("select organisation_id from app where registered_client_id = ?")
                .param(registeredClientId).query(UUID.class).optional();
        organisation.ifPresent(found -> organisations.put(registeredClientId, found));
        return organisation;
    }

    List<Row> of(UUID organisationId) {
        return jdbc.sql("""
                select registered_client_id, created_at, created_by, disabled_at from app where organisation_id = ?
                order by created_at, registered_client_id""").param(organisationId)
                .query((rs, row) -> new Row(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getObject(4) != null))
                .list();
    }

    Optional<String> registeredClientIdIn(UUID organisationId, String clientId) {
        return jdbc.sql("""
                select c.id from app a join oauth2_registered_client c on c.id = a.registered_client_id
                where a.organisation_id = ? and c.client_id = ?""").params(organisationId, clientId)
                .query(String.class).optional();
    }

    /** Turns the app off, its grants and their tokens ending with it, or on again. */
    boolean setDisabled(String registeredClientId, Instant disabledAt) {
        if (disabledAt != null) {
            deleteGrants(registeredClientId);
        }
        return jdbc.sql("update app set disabled_at = ? where registered_client_id = ?")
                .params(disabledAt == null ? null : disabledAt.atOffset(ZoneOffset.UTC), registeredClientId)
                .update() == 1;
    }

    void delete(String registeredClientId) {
        deleteGrants(registeredClientId);
        jdbc.sql("delete from oauth2_authorization_consent where registered_client_id = ?").param(registeredClientId)
                .update();
        jdbc.sql("delete from oauth2_registered_client where id = ?").param(registeredClientId).update();
    }

    private void deleteGrants(String registeredClientId) {
        jdbc.sql("delete from oauth2_authorization where registered_client_id = ?").param(registeredClientId).update();
    }
}
