package dev.myaccount.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisation table and its profile. */
@Repository
class OrganisationRepository {

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean anyOrganisation() {
        return jdbc.sql("select exists (select 1 from organisation)").query(Boolean.class).single();
    }

    void insertOrganisation(Organisation organisation, Instant now) {
        jdbc.sql("insert into organisation (id, name, domain, created_at) values (?, ?, ?, ?)")
                .params(organisation.id(), organisation.name(), organisation.domain(), now.atOffset(ZoneOffset.UTC))
                .update();
    }

    Optional<Organisation> findOrganisationByDomain(String domain) {
        return jdbc.sql("select id, name, domain from organisation where domain = ?").param(domain)
                .query(OrganisationRepository::organisation).optional();
    }

    List<OrganisationSize> organisations() {
        return jdbc.sql("""
                select o.id, o.name, o.domain, (select count(*) from account a where a.organisation_id = o.id) as people
                from organisation o order by lower(o.name), o.domain""")
                .query((rs, n) -> new OrganisationSize(organisation(rs, n), rs.getInt("people"))).list();
    }

    Optional<Organisation> findOrganisation(UUID id) {
        return jdbc.sql("select id, name, domain from organisation where id = ?").param(id)
                .query(OrganisationRepository::organisation).optional();
    }

    Optional<OrganisationProfile> profile(UUID organisationId) {
        return jdbc.sql("select privacy_url, contact_email from organisation_profile where organisation_id = ?")
                .param(organisationId)
                .query((rs, n) -> new OrganisationProfile(rs.getString("privacy_url"), rs.getString("contact_email")))
                .optional();
    }

    void upsertProfile(UUID organisationId, OrganisationProfile profile) {
        jdbc.sql("insert into organisation_profile (organisation_id) values (?) on conflict do nothing")
                .param(organisationId).update();
        jdbc.sql("update organisation_profile set privacy_url = ?, contact_email = ? where organisation_id = ?")
                .params(profile.privacyUrl(), profile.contactEmail(), organisationId).update();
    }

    void adminsModified(UUID organisationId, Instant now) {
        jdbc.sql("update organisation set admins_modified_at = ? where id = ?").params(now.atOffset(ZoneOffset.UTC), organisationId)
                .update();
    }

    void lockOrganisation(UUID organisationId) {
        jdbc.sql("select id from organisation where id = ? for update").param(organisationId).query(UUID.class).optional();
    }

    static Organisation organisation(ResultSet rs, int row) throws SQLException {
        return new Organisation(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("domain"));
    }

}
