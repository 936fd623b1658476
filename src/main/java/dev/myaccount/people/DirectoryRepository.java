package dev.myaccount.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DirectoryRepository {

    private static final String ACCOUNT_COLUMNS = """
            id, organisation_id, upn, display_name, given_name, surname, password_hash,
            password_changed_at, must_change_password, enabled, preferred_language, time_zone, session_generation,
            directory_dn, email, phone""";

    private final JdbcClient jdbc;

    DirectoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertAccount(UUID id, NewAccount account, Instant now) {
        jdbc.sql("""
                insert into account (id, organisation_id, upn, display_name, given_name, surname, password_hash,
                                     password_changed_at, must_change_password, enabled, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)""")
                .params(id, account.organisationId(), account.upn(), account.displayName(), account.givenName(),
                        account.surname(), account.passwordHash(), utc(now), account.mustChangePassword(), utc(now))
                .update();
        jdbc.sql("insert into membership (account_id, organisation_id, role) values (?, ?, ?)")
                .params(id, account.organisationId(), account.role().name())
                .update();
    }

    List<Membership> memberships(UUID accountId) {
        return jdbc.sql("""
                select o.id, o.name, o.domain, m.role, (o.id = a.organisation_id) as home
                from membership m join organisation o on o.id = m.organisation_id join account a on a.id = m.account_id
                where m.account_id = ? order by home desc, o.name""")
                .param(accountId)
                .query((rs, n) -> new Membership(new Organisation(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("domain")), Role.valueOf(rs.getString("role")), rs.getBoolean("home")))
                .list();
    }

    void insertMembership(UUID accountId, UUID organisationId, Role role) {
        jdbc.sql("insert into membership (account_id, organisation_id, role) values (?, ?, ?) on conflict do nothing")
                .params(accountId, organisationId, role.name()).update();
    }

    /** Removes a guest membership; the home organisation's stays. */
    int deleteGuestMembership(UUID accountId, UUID organisationId) {
        return jdbc.sql("""
                delete from membership where account_id = ? and organisation_id = ?
                and organisation_id <> (select organisation_id from account where id = ?)""")
                .params(accountId, organisationId, accountId).update();
    }

    Optional<Account> findAccountByUpn(String upn) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from account where upn = ?")
                .param(upn)
                .query(DirectoryRepository::account)
                .optional();
    }

    Optional<Account> findAccount(UUID id) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from account where id = ?")
                .param(id)
                .query(DirectoryRepository::account)
                .optional();
    }

    int updatePassword(UUID accountId, String passwordHash, Instant changedAt) {
        return jdbc.sql("""
                update account set password_hash = ?, password_changed_at = ?, must_change_password = false,
                       modified_at = ?
                where id = ?""")
                .params(passwordHash, utc(changedAt), utc(changedAt), accountId)
                .update();
    }

    void updateSettings(UUID accountId, String language, String timeZone) {
        jdbc.sql("update account set preferred_language = ?, time_zone = ? where id = ?")
                .params(language, timeZone, accountId).update();
    }

    boolean isAdmin(UUID accountId, UUID organisationId) {
        return jdbc.sql("select count(*) from membership where account_id = ? and organisation_id = ? and role = 'ADMIN'")
                .params(accountId, organisationId).query(Integer.class).single() > 0;
    }

    /** A page of the organisation's own people whose UPN or name contains {@code text} (lower case), by name. */
    List<Person> people(UUID organisationId, String text, int offset, int limit) {
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                select id, upn, display_name, enabled from account
                where organisation_id = ? and (upn like ? escape '\\' or lower(display_name) like ? escape '\\')
                order by display_name, id limit ? offset ?""")
                .params(organisationId, pattern, pattern, limit, offset)
                .query((rs, n) -> new Person(rs.getObject("id", UUID.class), rs.getString("upn"),
                        rs.getString("display_name"), rs.getBoolean("enabled")))
                .list();
    }

    int updateRole(UUID accountId, UUID organisationId, Role role, Instant now) {
        int updated = jdbc.sql("update membership set role = ? where account_id = ? and organisation_id = ?")
                .params(role.name(), accountId, organisationId).update();
        jdbc.sql("update account set modified_at = ? where id = ?").params(utc(now), accountId).update();
        return updated;
    }

    List<UUID> enabledAdmins(UUID organisationId, int limit) {
        return jdbc.sql("""
                select m.account_id from membership m join account a on a.id = m.account_id
                where m.organisation_id = ? and m.role = 'ADMIN' and a.enabled limit ?""")
                .params(organisationId, limit).query(UUID.class).list();
    }

    int updateExternalId(UUID accountId, String externalId, Instant now) {
        return jdbc.sql("update account set external_id = ?, modified_at = ? where id = ? and external_id is distinct from ?")
                .params(externalId, utc(now), accountId, externalId).update();
    }

    int delete(UUID accountId, Instant now) {
        jdbc.sql("""
                update organisation set admins_modified_at = ?
                where id in (select organisation_id from membership where account_id = ? and role = 'ADMIN')""")
                .params(utc(now), accountId).update();
        return jdbc.sql("delete from account where id = ?").param(accountId).update();
    }

    int updateEnabled(UUID accountId, boolean enabled, Instant now) {
        return jdbc.sql("update account set enabled = ?, modified_at = ? where id = ?")
                .params(enabled, utc(now), accountId).update();
    }

    int updateTemporaryPassword(UUID accountId, String passwordHash, Instant changedAt) {
        return jdbc.sql("""
                update account set password_hash = ?, password_changed_at = ?, must_change_password = true,
                       modified_at = ?
                where id = ?""")
                .params(passwordHash, utc(changedAt), utc(changedAt), accountId)
                .update();
    }

    int updateUpn(UUID accountId, String from, String to, Instant now) {
        return jdbc.sql("update account set upn = ?, modified_at = ? where id = ? and upn = ?")
                .params(to, utc(now), accountId, from).update();
    }

    int updateNames(UUID accountId, String displayName, String givenName, String surname, Instant now) {
        return jdbc.sql("update account set display_name = ?, given_name = ?, surname = ?, modified_at = ? where id = ?")
                .params(displayName, givenName, surname, utc(now), accountId).update();
    }

    void lockAccount(UUID accountId) {
        jdbc.sql("select id from account where id = ? for update").param(accountId).query(UUID.class).optional();
    }

    int raiseSessionGeneration(UUID accountId) {
        return jdbc.sql("update account set session_generation = session_generation + 1 where id = ?")
                .param(accountId).update();
    }

    boolean signInStands(UUID accountId, int sessionGeneration) {
        return jdbc.sql("select exists (select 1 from account where id = ? and enabled and session_generation = ?)")
                .params(accountId, sessionGeneration).query(Boolean.class).single();
    }

    /** Replaces a hash by a stronger one of the same password; the password did not change. */
    int updatePasswordHash(UUID accountId, String passwordHash) {
        return jdbc.sql("update account set password_hash = ? where id = ?")
                .params(passwordHash, accountId)
                .update();
    }

    /** Every account of the organisation with the id its own directory knows it by (null when none) and its role. */
    List<DirectoryPeople.Known> organisationAccounts(UUID organisationId) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + """
                , directory_id, (select m.role from membership m
                                 where m.account_id = account.id and m.organisation_id = account.organisation_id) as role
                from account where organisation_id = ?""")
                .param(organisationId)
                .query((rs, n) -> new DirectoryPeople.Known(account(rs, n), rs.getString("directory_id"),
                        Role.valueOf(rs.getString("role"))))
                .list();
    }

    /**
     * Ties the account to its entry in the organisation's own directory, which keeps its password from now on, and
     * takes the entry's email address, phone number and when the password was set there. When the entry does not say
     * that, a first tie forgets the time of the portal's own password (gone), and a later one keeps the time of the
     * last change made here.
     */
    void link(UUID accountId, DirectoryPeople.Entry entry, Instant now) {
        jdbc.sql("""
                update account set directory_id = ?, directory_dn = ?, email = ?, phone = ?, password_hash = null,
                       password_changed_at = coalesce(?, case when directory_id is null then null
                                                              else password_changed_at end),
                       modified_at = ?
                where id = ?""")
                .params(entry.directoryId(), entry.dn(), entry.email(), entry.phone(),
                        entry.passwordChangedAt() == null ? null : utc(entry.passwordChangedAt()), utc(now), accountId)
                .update();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        OffsetDateTime changed = rs.getObject("password_changed_at", OffsetDateTime.class);
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("upn"),
                rs.getString("display_name"),
                rs.getString("given_name"),
                rs.getString("surname"),
                rs.getString("password_hash"),
                changed == null ? null : changed.toInstant(),
                rs.getBoolean("must_change_password"),
                rs.getBoolean("enabled"),
                rs.getString("preferred_language"),
                rs.getString("time_zone"),
                rs.getInt("session_generation"),
                rs.getString("directory_dn"),
                rs.getString("email"),
                rs.getString("phone"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
