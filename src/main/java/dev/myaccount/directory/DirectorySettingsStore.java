package dev.myaccount.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.myaccount.securityinfo.SealedSecrets;

/** The organisations' directory settings, the service account's password sealed; and each one's last reading. */
@Repository
class DirectorySettingsStore {

    /** Settings as stored, with when they last changed (connections made before are made again). */
    record Stored(DirectorySettings settings, Instant modifiedAt) {
    }

    /** The last reading of a directory: when it ended and what it changed, or null for none yet. */
    record LastSync(Instant at, String summary) {
    }

    /** Where the readings are: the latest change seen (null before one) and when the last whole reading ended. */
    record Progress(String cursor, Instant readWholeAt) {
    }

    private final JdbcClient jdbc;
    private final SealedSecrets sealed;

    DirectorySettingsStore(JdbcClient jdbc, SealedSecrets sealed) {
        this.jdbc = jdbc;
        this.sealed = sealed;
    }

    Optional<Stored> find(UUID organisationId) {
        return jdbc.sql("select * from organisation_directory where organisation_id = ?")
                .param(organisationId)
                .query(this::stored)
                .optional();
    }

    List<UUID> organisations() {
        return jdbc.sql("select organisation_id from organisation_directory").query(UUID.class).list();
    }

    /** Keeps the settings; the next reading is whole, since a cursor of other settings means nothing here. */
    void save(DirectorySettings settings, Instant now) {
        int updated = jdbc.sql("""
                update organisation_directory set kind = ?, url = ?, start_tls = ?, plain_for_testing = ?,
                       ca_certificate = ?, bind_dn = ?, bind_password_sealed = ?, people_base = ?, people_filter = ?,
                       upn_attribute = ?, display_name_attribute = ?, given_name_attribute = ?, surname_attribute = ?,
                       email_attribute = ?, phone_attribute = ?, disabled_filter = ?, admin_group_dn = ?,
                       modified_at = ?, sync_cursor = null, read_whole_at = null
                where organisation_id = ?""")
                .params(values(settings, now))
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into organisation_directory (kind, url, start_tls, plain_for_testing, ca_certificate,
                           bind_dn, bind_password_sealed, people_base, people_filter, upn_attribute,
                           display_name_attribute, given_name_attribute, surname_attribute, email_attribute,
                           phone_attribute, disabled_filter, admin_group_dn, modified_at, organisation_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values(settings, now))
                    .update();
        }
    }

    /**
     * Takes the directory's next reading for this node: true when no reading is under way (or one started before
     * {@code staleBefore} and died) and, for a scheduled one, none ended since {@code endedBefore}; so that of
     * several nodes one reads at a time, once a period.
     */
    boolean claimSync(UUID organisationId, Instant now, Instant staleBefore, Instant endedBefore) {
        String due = endedBefore == null ? "" : " and (synced_at is null or synced_at < ?)";
        List<Object> params = new ArrayList<>(List.of(utc(now), organisationId, utc(staleBefore)));
        if (endedBefore != null) {
            params.add(utc(endedBefore));
        }
        return jdbc.sql("""
                update organisation_directory set sync_started_at = ?
                where organisation_id = ? and (sync_started_at is null or sync_started_at < ?)""" + due)
                .params(params)
                .update() == 1;
    }

    /** Ends a reading that failed, with the message key of why (after a "!"). */
    void synced(UUID organisationId, Instant now, String summary) {
        jdbc.sql("""
                update organisation_directory set synced_at = ?, sync_summary = ?, sync_started_at = null
                where organisation_id = ?""")
                .params(utc(now), summary, organisationId)
                .update();
    }

    /** Ends a reading with what it changed and the latest change it saw; a whole one also says when it ended. */
    void synced(UUID organisationId, Instant now, String summary, String cursor, boolean whole) {
        jdbc.sql("""
                update organisation_directory set synced_at = ?, sync_summary = ?, sync_started_at = null,
                       sync_cursor = ?, read_whole_at = case when ? then ? else read_whole_at end
                where organisation_id = ?""")
                .params(utc(now), summary, cursor, whole, utc(now), organisationId)
                .update();
    }

    Progress progress(UUID organisationId) {
        return jdbc.sql("select sync_cursor, read_whole_at from organisation_directory where organisation_id = ?")
                .param(organisationId)
                .query((rs, n) -> {
                    OffsetDateTime whole = rs.getObject("read_whole_at", OffsetDateTime.class);
                    return new Progress(rs.getString("sync_cursor"), whole == null ? null : whole.toInstant());
                })
                .optional().orElse(new Progress(null, null));
    }

    Optional<LastSync> lastSync(UUID organisationId) {
        return jdbc.sql("select synced_at, sync_summary from organisation_directory where organisation_id = ?")
                .param(organisationId)
                .query((rs, n) -> {
                    OffsetDateTime at = rs.getObject("synced_at", OffsetDateTime.class);
                    return at == null ? null : new LastSync(at.toInstant(), rs.getString("sync_summary"));
                })
                .optional();
    }

    private Object[] values(DirectorySettings s, Instant now) {
        return new Object[] {s.kind().name(), s.url(), s.startTls(), s.plainForTesting(), s.caCertificate(),
                s.bindDn(), sealed.seal(s.bindPassword()), s.peopleBase(), s.peopleFilter(), s.upnAttribute(),
                s.displayNameAttribute(), s.givenNameAttribute(), s.surnameAttribute(), s.emailAttribute(),
                s.phoneAttribute(), s.disabledFilter(), s.adminGroupDn(), utc(now), s.organisationId()};
    }

    private Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(new DirectorySettings(
                rs.getObject("organisation_id", UUID.class),
                DirectoryKind.valueOf(rs.getString("kind")),
                rs.getString("url"),
                rs.getBoolean("start_tls"),
                rs.getBoolean("plain_for_testing"),
                rs.getString("ca_certificate"),
                rs.getString("bind_dn"),
                sealed.open(rs.getString("bind_password_sealed")),
                rs.getString("people_base"),
                rs.getString("people_filter"),
                rs.getString("upn_attribute"),
                rs.getString("display_name_attribute"),
                rs.getString("given_name_attribute"),
                rs.getString("surname_attribute"),
                Objects.requireNonNullElse(rs.getString("email_attribute"), ""),
                Objects.requireNonNullElse(rs.getString("phone_attribute"), ""),
                rs.getString("disabled_filter"),
                rs.getString("admin_group_dn")),
                rs.getObject("modified_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
