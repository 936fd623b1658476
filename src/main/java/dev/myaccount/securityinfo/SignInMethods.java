package dev.myaccount.securityinfo;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.SecondFactors;

/** A person's sign-in methods: the default first, then the oldest. */
@Service
public class SignInMethods implements SecondFactors {

    /** Enough for every kind and a spare of each; more is a mistake or a script. */
    static final int MOST_PER_PERSON = 10;

    public enum Removal { REMOVED, LAST_REQUIRED, NOT_FOUND }

    private final JdbcClient jdbc;
    private final SignInSettings settings;
    private final Clock clock;
    private final PasskeyList passkeys;
    private final DirectoryService directory;

    SignInMethods(JdbcClient jdbc, SignInSettings settings, Clock clock, PasskeyList passkeys,
            DirectoryService directory) {
        this.directory = directory;
        this.passkeys = passkeys;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public boolean asked(UUID accountId, String upn) {
        return jdbc.sql("select count(*) from sign_in_method where account_id = ?").param(accountId)
                .query(Integer.class).single() > 0 || passkeys.any(upn);
    }

    /**
     * Whether the person's organisation requires a second step and they have no method for it yet: until they add
     * one, Security info is all they reach.
     */
    public boolean missingRequired(UUID organisationId, UUID accountId, String upn) {
        return settings.secondFactorRequired(organisationId) && !asked(accountId, upn);
    }

    public List<SignInMethod> of(UUID accountId) {
        return jdbc.sql("""
                select id, account_id, kind, secret, is_default, created_at, last_used_at from sign_in_method
                where account_id = ? order by is_default desc, created_at, id""")
                .param(accountId)
                .query((rs, n) -> new SignInMethod(rs.getObject("id", UUID.class),
                        rs.getObject("account_id", UUID.class), MethodKind.valueOf(rs.getString("kind")),
                        rs.getString("secret"), rs.getBoolean("is_default"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("last_used_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null)))
                .list();
    }

    public Optional<SignInMethod> find(UUID accountId, UUID methodId) {
        return of(accountId).stream().filter(method -> method.id().equals(methodId)).findFirst();
    }

    /** A method just added, or the one the person had already: {@code isNew} says which. */
    public record Added(UUID id, boolean isNew) {
    }

    /** Adds a method; the person's first becomes their default. Empty when they have as many as allowed. */
    @Transactional
    public Optional<Added> add(UUID accountId, MethodKind kind, String secret) {
        return add(accountId, kind, secret, method -> false);
    }

    /**
     * Adds a method unless the person has one that is {@code same} (a request confirming the same enrolment at
     * the same moment added it): then that one. Empty when they have as many as allowed.
     */
    @Transactional
    public Optional<Added> add(UUID accountId, MethodKind kind, String secret, Predicate<SignInMethod> same) {
        lockMethodsOf(accountId);
        List<SignInMethod> existing = of(accountId);
        Optional<SignInMethod> had = existing.stream().filter(method -> method.kind() == kind && same.test(method))
                .findFirst();
        if (had.isPresent()) {
            return Optional.of(new Added(had.get().id(), false));
        }
        if (existing.size() >= MOST_PER_PERSON) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into sign_in_method (id, account_id, kind, secret, is_default, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, accountId, kind.name(), secret, existing.isEmpty(), now()).update();
        return Optional.of(new Added(id, true));
    }

    /**
     * Deletes one of the person's methods; the default passes to the oldest left. The last one (counting
     * passkeys) stays when the organisation requires a second step at sign-in.
     */
    @Transactional
    public Removal remove(UUID accountId, String upn, UUID organisationId, UUID methodId) {
        lockMethodsOf(accountId);
        List<UUID> methods = jdbc.sql("select id from sign_in_method where account_id = ? order by created_at, id")
                .param(accountId).query(UUID.class).list();
        if (!methods.contains(methodId)) {
            return Removal.NOT_FOUND;
        }
        if (methods.size() == 1 && !passkeys.any(upn) && settings.secondFactorRequired(organisationId)) {
            return Removal.LAST_REQUIRED;
        }
        jdbc.sql("delete from sign_in_method where id = ? and account_id = ?").params(methodId, accountId).update();
        jdbc.sql("""
                update sign_in_method set is_default = true where account_id = ? and id = (
                    select id from sign_in_method where account_id = ? order by is_default desc, created_at, id
                    limit 1)""")
                .params(accountId, accountId).update();
        return Removal.REMOVED;
    }

    /** Makes one of the person's methods their default; false when it is not theirs. */
    @Transactional
    public boolean makeDefault(UUID accountId, UUID methodId) {
        if (find(accountId, methodId).isEmpty()) {
            return false;
        }
        jdbc.sql("update sign_in_method set is_default = (id = ?) where account_id = ?").params(methodId, accountId)
                .update();
        return true;
    }

    /**
     * Serialises changes to one person's methods until the transaction ends, by locking their account row: two
     * adds at once cannot both see room for one more, nor two deletions both see another method left.
     */
    private void lockMethodsOf(UUID accountId) {
        directory.lockAccount(accountId);
    }

    public void used(UUID methodId) {
        jdbc.sql("update sign_in_method set last_used_at = ? where id = ?").params(now(), methodId).update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
