package dev.myaccount.scim;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An organisation's people as SCIM shows them, with the admin role as membership of the Admins group. */
@Repository
class ScimDirectory {

    /** A person as a SCIM User. */
    record ScimPerson(UUID id, UUID organisationId, String upn, String displayName, String givenName, String surname,
            boolean enabled, String externalId, Instant createdAt, Instant modifiedAt, boolean admin) {
    }

    /** When the Admins group came to be (with its organisation) and when its members last changed. */
    record GroupTimes(Instant createdAt, Instant modifiedAt) {
    }

    /** The one condition a list may be filtered on, with the value it compares; condition null for no filter. */
    record Criterion(String condition, Object value) {

        static final Criterion NONE = new Criterion(null, null);
        /** A filter that no one can match, such as an id that is no UUID. */
        static final Criterion NOTHING = new Criterion("a.id = ?", null);
    }

    private static final String COLUMNS = """
            a.id, a.organisation_id, a.upn, a.display_name, a.given_name, a.surname, a.enabled, a.external_id, a.created_at,
            coalesce(a.modified_at, a.created_at) as modified_at,
            exists (select 1 from membership m where m.account_id = a.id and m.organisation_id = a.organisation_id
                    and m.role = 'ADMIN') as admin""";

    private static final RowMapper<ScimPerson> PERSON = (rs, n) -> new ScimPerson(rs.getObject("id", UUID.class),
            rs.getObject("organisation_id", UUID.class), rs.getString("upn"), rs.getString("display_name"),
            rs.getString("given_name"), rs.getString("surname"), rs.getBoolean("enabled"), rs.getString("external_id"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getObject("modified_at", OffsetDateTime.class).toInstant(), rs.getBoolean("admin"));

    private final JdbcClient jdbc;

    ScimDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ScimPerson> find(UUID organisationId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from account a where a.organisation_id = ? and a.id = ?")
                .params(organisationId, id).query(PERSON).optional();
    }

    /** A page of the organisation's people who match, in a stable order (by id). */
    List<ScimPerson> page(UUID organisationId, Criterion criterion, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from account a where a.organisation_id = ?" + condition(criterion)
                        + " order by a.id limit ? offset ?")
                .params(parameters(organisationId, criterion, limit, offset)).query(PERSON).list();
    }

    int count(UUID organisationId, Criterion criterion) {
        return jdbc.sql("select count(*) from account a where a.organisation_id = ?" + condition(criterion))
                .params(parameters(organisationId, criterion)).query(Integer.class).single();
    }

    List<ScimPerson> admins(UUID organisationId) {
        return jdbc.sql("""
                select %s from account a join membership r on r.account_id = a.id
                where a.organisation_id = ? and r.organisation_id = a.organisation_id and r.role = 'ADMIN'
                order by a.id""".formatted(COLUMNS)).param(organisationId).query(PERSON).list();
    }

    GroupTimes adminsTimes(UUID organisationId) {
        return jdbc.sql("select created_at, coalesce(admins_modified_at, created_at) as modified_at from organisation"
                        + " where id = ?").param(organisationId)
                .query((rs, n) -> new GroupTimes(rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("modified_at", OffsetDateTime.class).toInstant())).single();
    }

    private static String condition(Criterion criterion) {
        return criterion.condition() == null ? "" : " and " + criterion.condition();
    }

    private static Object[] parameters(UUID organisationId, Criterion criterion, Object... rest) {
        List<Object> all = new ArrayList<>();
        all.add(organisationId);
        if (criterion.condition() != null) {
            all.add(criterion.value());
        }
        all.addAll(List.of(rest));
        return all.toArray();
    }
}
