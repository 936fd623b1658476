package dev.myaccount.people;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An organisation's people as a provisioning client (SCIM) lists them: found by one field, a page at a time, with
 * when each was made and last changed, and the admin role as membership of a group.
 */
@Repository
public class Roster {

    /** A person as a provisioning client sees them. */
    public record Listed(UUID id, UUID organisationId, String upn, String displayName, String givenName, String surname,
            boolean enabled, String externalId, Instant createdAt, Instant modifiedAt, boolean admin) {
    }

    /** When the admins came to be a group (with their organisation) and when its members last changed. */
    public record GroupTimes(Instant createdAt, Instant modifiedAt) {
    }

    /** What a list may be filtered on: one field equal to a value (a display name in lower case). */
    public enum Field {
        UPN("a.upn = ?"), EXTERNAL_ID("a.external_id = ?"), DISPLAY_NAME("lower(a.display_name) = ?"), ID("a.id = ?");

        private final String condition;

        Field(String condition) {
            this.condition = condition;
        }
    }

    /** The one condition a list is filtered on, with the value it compares; field null for no filter. */
    public record Criterion(Field field, Object value) {

        public static final Criterion NONE = new Criterion(null, null);
        /** A filter that no one can match, such as an id that is no UUID. */
        public static final Criterion NOTHING = new Criterion(Field.ID, null);
    }

    private static final String COLUMNS = """
            a.id, a.organisation_id, a.upn, a.display_name, a.given_name, a.surname, a.enabled, a.external_id, a.created_at,
            coalesce(a.modified_at, a.created_at) as modified_at,
            exists (select 1 from membership m where m.account_id = a.id and m.organisation_id = a.organisation_id
                    and m.role = 'ADMIN') as admin""";

    private static final RowMapper<Listed> PERSON = (rs, n) -> new Listed(rs.getObject("id", UUID.class),
            rs.getObject("organisation_id", UUID.class), rs.getString("upn"), rs.getString("display_name"),
            rs.getString("given_name"), rs.getString("surname"), rs.getBoolean("enabled"), rs.getString("external_id"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getObject("modified_at", OffsetDateTime.class).toInstant(), rs.getBoolean("admin"));

    private final JdbcClient jdbc;

    Roster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Listed> find(UUID organisationId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from account a where a.organisation_id = ? and a.id = ?")
                .params(organisationId, id).query(PERSON).optional();
    }

    /** A page of the organisation's people who match, in a stable order (by id). */
    public List<Listed> page(UUID organisationId, Criterion criterion, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from account a where a.organisation_id = ?" + condition(criterion)
                        + " order by a.id limit ? offset ?")
                .params(parameters(organisationId, criterion, limit, offset)).query(PERSON).list();
    }

    public int count(UUID organisationId, Criterion criterion) {
        return jdbc.sql("select count(*) from account a where a.organisation_id = ?" + condition(criterion))
                .params(parameters(organisationId, criterion)).query(Integer.class).single();
    }

    public List<Listed> admins(UUID organisationId) {
        return jdbc.sql("""
                select %s from account a join membership r on r.account_id = a.id
                where a.organisation_id = ? and r.organisation_id = a.organisation_id and r.role = 'ADMIN'
                order by a.id""".formatted(COLUMNS)).param(organisationId).query(PERSON).list();
    }

    public GroupTimes adminsTimes(UUID organisationId) {
        return jdbc.sql("select created_at, coalesce(admins_modified_at, created_at) as modified_at from organisation"
                        + " where id = ?").param(organisationId)
                .query((rs, n) -> new GroupTimes(rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("modified_at", OffsetDateTime.class).toInstant())).single();
    }

    private static String condition(Criterion criterion) {
        return criterion.field() == null ? "" : " and " + criterion.field().condition;
    }

    private static Object[] parameters(UUID organisationId, Criterion criterion, Object... rest) {
        List<Object> all = new ArrayList<>();
        all.add(organisationId);
        if (criterion.field() != null) {
            all.add(criterion.value());
        }
        all.addAll(List.of(rest));
        return all.toArray();
    }
}
