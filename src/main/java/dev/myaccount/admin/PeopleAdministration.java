package dev.myaccount.admin;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.credential.AccessPasses;
import dev.myaccount.credential.TemporaryPasswords;
import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.NewAccount;
import dev.myaccount.people.Organisation;
import dev.myaccount.people.Person;
import dev.myaccount.people.Role;
import dev.myaccount.policy.PasswordPolicy;
import dev.myaccount.policy.PolicyContext;
import dev.myaccount.policy.PolicyReason;
import dev.myaccount.policy.PolicySettingsStore;
import dev.myaccount.policy.PolicyVerdict;
import dev.myaccount.securityinfo.PasskeyList;
import dev.myaccount.securityinfo.SecurityNotices;
import dev.myaccount.session.AccountSessions;
import dev.myaccount.signin.SecretDoors;

/**
 * What an organisation's admin does to its people: find them, add them with a first credential, reset a
 * password, disable, enable, unlock, sign out everywhere, give or revoke a temporary access pass. Every
 * change is audited with the admin who made it; a person of another organisation is never found here.
 */
@Service
public class PeopleAdministration {

    static final int PAGE_SIZE = 50;
    static final int LONGEST_SEARCH = 100;
    private static final int LONGEST_NAME = 128;
    private static final int LONGEST_DISPLAY_NAME = 256;
    public static final int LONGEST_EXTERNAL_ID = 256;
    /** The refusal of a change to a person someone deleted meanwhile. */
    public static final String GONE = "admin.person.gone";
    private static final Duration NEW_PERSON_PASS_LIFETIME = Duration.ofDays(1);
    /** A UPN's name part as directories allow it: letters, digits and . _ - ' +, not at the ends with a dot. */
    private static final Pattern NAME_PART = Pattern.compile("[a-z0-9_'+-]([a-z0-9._'+-]{0,62}[a-z0-9_'+-])?");

    /** How a new person signs in the first time. */
    public enum FirstCredential { TEMPORARY_PASSWORD, ACCESS_PASS }

    /**
     * A person as a provisioning client (SCIM, a CSV file) describes them; an initial password is checked
     * against the organisation's policy and must be changed at the first sign-in. Without one, the person
     * signs in the first time with a temporary access pass.
     */
    public record Provisioning(String upn, String displayName, String givenName, String surname, String externalId,
            boolean enabled, String initialPassword) {
    }

    /** The person provisioned, or the message key of why not and, for a refused password, the policy's reasons. */
    public record Provisioned(Account person, String refusal, List<PolicyReason> passwordReasons) {

        static Provisioned refused(String messageKey) {
            return new Provisioned(null, messageKey, List.of());
        }
    }

    /** A secret shown to the admin once: a temporary password or a temporary access pass. */
    public record Secret(Account person, FirstCredential kind, String value, AccessPasses.Issued pass) {
    }

    /** The answer to an admin's change: the secret to show, if any, or the message key of why not. */
    public record Outcome(Optional<Secret> secret, String refusal) {

        static Outcome done() {
            return new Outcome(Optional.empty(), null);
        }

        static Outcome shown(Secret secret) {
            return new Outcome(Optional.of(secret), null);
        }

        static Outcome refused(String messageKey) {
            return new Outcome(Optional.empty(), messageKey);
        }
    }

    record Listing(List<Person> people, int page, boolean hasNext) {
    }

    private final DirectoryService directory;
    private final PasswordEncoder passwords;
    private final TemporaryPasswords temporaryPasswords;
    private final AccessPasses passes;
    private final AccountSessions sessions;
    private final SecretDoors doors;
    private final PasskeyList passkeys;
    private final PasswordPolicy policy;
    private final PolicySettingsStore policies;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final SecurityNotices notices;

    PeopleAdministration(DirectoryService directory, PasswordEncoder passwords, TemporaryPasswords temporaryPasswords,
            AccessPasses passes, AccountSessions sessions, SecretDoors doors, PasskeyList passkeys,
            PasswordPolicy policy, PolicySettingsStore policies, AuditLog audit, TransactionTemplate transaction,
            SecurityNotices notices) {
        this.notices = notices;
        this.directory = directory;
        this.passwords = passwords;
        this.temporaryPasswords = temporaryPasswords;
        this.passes = passes;
        this.sessions = sessions;
        this.doors = doors;
        this.passkeys = passkeys;
        this.policy = policy;
        this.policies = policies;
        this.audit = audit;
        this.transaction = transaction;
    }

    Listing list(Actor admin, String search, int page) {
        String text = search.length() > LONGEST_SEARCH ? search.substring(0, LONGEST_SEARCH) : search;
        int number = Math.max(0, page);
        List<Person> found = directory.people(admin.organisationId(), text, number * PAGE_SIZE, PAGE_SIZE + 1);
        return new Listing(found.stream().limit(PAGE_SIZE).toList(), number, found.size() > PAGE_SIZE);
    }

    /** The person, when they belong to the admin's organisation. */
    public Optional<Account> find(Actor admin, UUID id) {
        return directory.findInOrganisation(id, admin.organisationId());
    }

    public Organisation organisation(Actor admin) {
        return directory.findOrganisation(admin.organisationId()).orElseThrow();
    }

    Outcome add(Actor admin, NewPersonForm form, RequestOrigin origin) {
        Organisation organisation = organisation(admin);
        String upn = DirectoryService.canonical(form.upn());
        String refused = refusedPerson(organisation, upn, form.displayName(), form.givenName(), form.surname());
        if (refused != null) {
            return Outcome.refused(refused);
        }
        boolean withPassword = form.firstCredential() == FirstCredential.TEMPORARY_PASSWORD;
        String password = withPassword ? temporaryPasswords.make() : null;
        Optional<Account> person = created(admin, organisation, new Provisioning(upn, form.displayName(),
                form.givenName(), form.surname(), null, true, password),
                form.firstCredential().name().toLowerCase(Locale.ROOT), origin);
        if (person.isEmpty()) {
            return Outcome.refused("admin.add.error.taken");
        }
        return withPassword ? Outcome.shown(new Secret(person.get(), FirstCredential.TEMPORARY_PASSWORD, password, null))
                : Outcome.shown(issuedPass(admin, person.get(), NEW_PERSON_PASS_LIFETIME, true, origin));
    }

    /** Adds a person a provisioning client describes, whole or not at all; {@code how} names the client for the audit. */
    public Provisioned provision(Actor admin, Provisioning person, String how, RequestOrigin origin) {
        Organisation organisation = organisation(admin);
        String upn = DirectoryService.canonical(person.upn() == null ? "" : person.upn());
        String refusedUpn = refusedPerson(organisation, upn, person.displayName(), person.givenName(),
                person.surname());
        Provisioned refused = refusedUpn != null ? Provisioned.refused(refusedUpn)
                : refusedProvisioning(organisation, upn, person);
        if (refused != null) {
            return refused;
        }
        return created(admin, organisation, person, how, origin)
                .map(account -> new Provisioned(account, null, List.<PolicyReason>of()))
                .orElseGet(() -> Provisioned.refused("admin.add.error.taken"));
    }

    /**
     * Brings the person to what a provisioning client describes: UPN, names, external id, enabled or not, and a new
     * initial password when it sends one. Checked whole first: a refusal changes nothing. Every session ends when
     * the UPN changes (the session store knows a person by it), the person is disabled or gets a new password.
     */
    public Provisioned update(Actor admin, Account person, Provisioning wanted, RequestOrigin origin) {
        Organisation organisation = organisation(admin);
        String upn = DirectoryService.canonical(wanted.upn() == null ? "" : wanted.upn());
        boolean moved = !upn.equals(person.upn());
        String refusedUpn = moved ? refusedUpn(organisation, upn) : null;
        if (refusedUpn != null) {
            return Provisioned.refused(refusedUpn);
        }
        Provisioned refused = refusedProvisioning(organisation, upn, wanted);
        if (refused != null) {
            return refused;
        }
        String hash = wanted.initialPassword() == null ? null : passwords.encode(wanted.initialPassword());
        try {
            transaction.executeWithoutResult(status -> {
                if (!wanted.enabled() && person.enabled()) {
                    keepAnAdminBesides(person);
                }
                if (moved) {
                    move(admin, person, upn, origin);
                }
                if (!wanted.displayName().strip().equals(person.displayName())
                        || !Objects.equals(blankToNull(wanted.givenName()), person.givenName())
                        || !Objects.equals(blankToNull(wanted.surname()), person.surname())) {
                    directory.rename(person.id(), wanted.displayName().strip(), blankToNull(wanted.givenName()),
                            blankToNull(wanted.surname()));
                    audit.record(event(AuditEventType.ACCOUNT_RENAMED, admin, person, origin, null));
                }
                directory.setExternalId(person.id(), wanted.externalId());
                if (wanted.enabled() != person.enabled()) {
                    directory.setEnabled(person.id(), wanted.enabled());
                    audit.record(event(wanted.enabled() ? AuditEventType.ACCOUNT_ENABLED
                            : AuditEventType.ACCOUNT_DISABLED, admin, person, origin, null));
                }
                if (hash != null) {
                    directory.setTemporaryPassword(person.id(), hash);
                    audit.record(event(AuditEventType.TEMPORARY_PASSWORD_SET, admin, person, origin, null));
                }
            });
        } catch (DuplicateKeyException taken) {
            return Provisioned.refused("admin.add.error.taken");
        } catch (Refused why) {
            return Provisioned.refused(why.messageKey);
        }
        if (moved || !wanted.enabled() || hash != null) {
            sessions.endAll(person);
        }
        if (hash != null) {
            notices.passwordResetByAdmin(person.id());
        }
        // The person as they were: the caller reads them again (and finds no one if they were deleted meanwhile).
        return new Provisioned(person, null, List.of());
    }

    /**
     * Gives the person another UPN on the organisation's domain, as an admin types it. Every session of theirs ends,
     * and they sign in with the new UPN, keeping their methods and passkeys. Not for the admin's own account.
     */
    public Outcome changeUpn(Actor admin, Account person, String typed, RequestOrigin origin) {
        if (person.id().equals(admin.accountId())) {
            return Outcome.refused("admin.person.error.upnSelf");
        }
        String upn = DirectoryService.canonical(typed == null ? "" : typed.strip());
        if (upn.equals(person.upn())) {
            return Outcome.refused("admin.person.error.upnSame");
        }
        String refused = refusedUpn(organisation(admin), upn);
        if (refused != null) {
            return Outcome.refused(refused);
        }
        try {
            transaction.executeWithoutResult(status -> move(admin, person, upn, origin));
        } catch (DuplicateKeyException taken) {
            return Outcome.refused("admin.add.error.taken");
        } catch (Refused why) {
            return Outcome.refused(why.messageKey);
        }
        sessions.endAll(person);
        return Outcome.done();
    }

    /**
     * The UPN's change with what knows the person by it (their passkeys), audited with the UPN they had; only from
     * the UPN the caller read, so that of two changes at once the second cannot leave the passkeys behind.
     */
    private void move(Actor admin, Account person, String upn, RequestOrigin origin) {
        if (!directory.changeUpn(person.id(), person.upn(), upn)) {
            throw new Refused("admin.person.error.upnMeanwhile");
        }
        passkeys.moved(person.upn(), upn);
        audit.record(event(AuditEventType.UPN_CHANGED, admin, person, origin, person.upn()));
    }

    /**
     * The organisation keeps an enabled admin, whatever the door (admin pages, commands, SCIM): a change that would
     * take away its last one, by role, disabling or deletion, is refused. Locks the organisation's row until the
     * transaction ends, so that two such changes at once cannot both pass.
     */
    private void keepAnAdminBesides(Account person) {
        directory.lockOrganisation(person.organisationId());
        if (directory.isLastEnabledAdmin(person.id(), person.organisationId())) {
            throw new Refused("admin.person.error.lastAdmin");
        }
    }

    /** Rolls back a change that turned out not to be allowed, with the message key of why. */
    private static final class Refused extends RuntimeException {

        private final String messageKey;

        Refused(String messageKey) {
            super(null, null, false, false);
            this.messageKey = messageKey;
        }
    }

    /** What is wrong with a provisioned person's names, external id or initial password; null when nothing. */
    private Provisioned refusedProvisioning(Organisation organisation, String upn, Provisioning person) {
        String refusedName = refusedNames(person.displayName(), person.givenName(), person.surname());
        if (refusedName != null) {
            return Provisioned.refused(refusedName);
        }
        if (person.externalId() != null && (person.externalId().length() > LONGEST_EXTERNAL_ID
                || hasControl(person.externalId()))) {
            return Provisioned.refused("admin.add.error.externalId");
        }
        if (person.initialPassword() != null) {
            PolicyVerdict verdict = policy.evaluate(person.initialPassword(), PolicyContext.withoutHistory(upn,
                    person.displayName(), person.givenName(), person.surname(), organisation.name(),
                    organisation.domain(), policies.settings(organisation.id()), policies.bannedTerms(organisation.id())));
            if (!verdict.accepted()) {
                return new Provisioned(null, "admin.add.error.password", verdict.reasons());
            }
        }
        return null;
    }

    /** The account made of a checked person with its audit event, or empty when the UPN is taken. */
    private Optional<Account> created(Actor admin, Organisation organisation, Provisioning person, String how,
            RequestOrigin origin) {
        String hash = person.initialPassword() == null ? null : passwords.encode(person.initialPassword());
        try {
            UUID id = transaction.execute(status -> {
                UUID created = directory.createAccount(new NewAccount(organisation.id(),
                        DirectoryService.canonical(person.upn()), person.displayName().strip(),
                        blankToNull(person.givenName()), blankToNull(person.surname()), hash, hash != null,
                        Role.MEMBER));
                if (!person.enabled()) {
                    directory.setEnabled(created, false);
                }
                if (person.externalId() != null) {
                    directory.setExternalId(created, person.externalId());
                }
                audit.record(new AuditEvent(AuditEventType.ACCOUNT_CREATED, organisation.id(), created, origin, how,
                        admin.accountId(), admin.accountId() == null ? admin.name() : null));
                return created;
            });
            return directory.find(id);
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
    }

    /** The message key of what is wrong with a new person's UPN or names; null when they may be added. */
    private static String refusedPerson(Organisation organisation, String upn, String displayName, String givenName,
            String surname) {
        String refusedUpn = refusedUpn(organisation, upn);
        return refusedUpn != null ? refusedUpn : refusedNames(displayName, givenName, surname);
    }

    /** The message key of what is wrong with a UPN (canonical) for the organisation; null when it may be given. */
    private static String refusedUpn(Organisation organisation, String upn) {
        String domainSuffix = "@" + organisation.domain();
        if (!upn.endsWith(domainSuffix)) {
            return "admin.add.error.domain";
        }
        if (!NAME_PART.matcher(upn.substring(0, upn.length() - domainSuffix.length())).matches()) {
            return "admin.add.error.upn";
        }
        return null;
    }

    public Outcome rename(Actor admin, Account person, String displayName, String givenName, String surname,
            RequestOrigin origin) {
        String refusedName = refusedNames(displayName, givenName, surname);
        if (refusedName != null) {
            return Outcome.refused(refusedName);
        }
        transaction.executeWithoutResult(status -> {
            directory.rename(person.id(), displayName.strip(), blankToNull(givenName), blankToNull(surname));
            audit.record(event(AuditEventType.ACCOUNT_RENAMED, admin, person, origin, null));
        });
        return Outcome.done();
    }

    /** A new temporary password, to be changed at the next sign-in; every session of the person ends. */
    Outcome resetPassword(Actor admin, Account person, RequestOrigin origin) {
        String password = temporaryPasswords.make();
        String hash = passwords.encode(password);
        transaction.executeWithoutResult(status -> {
            directory.setTemporaryPassword(person.id(), hash);
            audit.record(event(AuditEventType.TEMPORARY_PASSWORD_SET, admin, person, origin, null));
        });
        sessions.endAll(person);
        notices.passwordResetByAdmin(person.id());
        return Outcome.shown(new Secret(person, FirstCredential.TEMPORARY_PASSWORD, password, null));
    }

    /** Disables the person and ends every session of theirs at once; an admin cannot disable themselves. */
    public Outcome disable(Actor admin, Account person, RequestOrigin origin) {
        if (person.id().equals(admin.accountId())) {
            return Outcome.refused("admin.person.error.self");
        }
        try {
            transaction.executeWithoutResult(status -> {
                keepAnAdminBesides(person);
                directory.setEnabled(person.id(), false);
                audit.record(event(AuditEventType.ACCOUNT_DISABLED, admin, person, origin, null));
            });
        } catch (Refused why) {
            return Outcome.refused(why.messageKey);
        }
        sessions.endAll(person);
        return Outcome.done();
    }

    /**
     * Deletes the person with their methods, passkeys, history and sign-ins, and ends their sessions; the audit
     * log keeps their events and names them in the deletion's own. An admin cannot delete themselves.
     */
    public Outcome delete(Actor admin, Account person, RequestOrigin origin) {
        if (person.id().equals(admin.accountId())) {
            return Outcome.refused("admin.person.error.deleteSelf");
        }
        // Of deletions at once, the one whose delete finds the row does the rest; the others find no one.
        boolean deleted;
        try {
            deleted = Boolean.TRUE.equals(transaction.execute(status -> {
                keepAnAdminBesides(person);
                // Recorded first, while the event can still read the person's UPN and name to keep them.
                audit.record(event(AuditEventType.ACCOUNT_DELETED, admin, person, origin, person.upn()));
                if (!directory.delete(person.id())) {
                    status.setRollbackOnly();
                    return false;
                }
                passkeys.forget(person.upn());
                return true;
            }));
        } catch (Refused why) {
            return Outcome.refused(why.messageKey);
        }
        if (!deleted) {
            return Outcome.refused(GONE);
        }
        sessions.endAll(person);
        return Outcome.done();
    }

    /** Makes the person an admin of the organisation, or a member only; the organisation keeps an enabled admin. */
    public Outcome setAdmin(Actor admin, Account person, boolean makeAdmin, RequestOrigin origin) {
        try {
            return transaction.execute(status -> {
                if (!makeAdmin) {
                    keepAnAdminBesides(person);
                }
                Role role = makeAdmin ? Role.ADMIN : Role.MEMBER;
                directory.setRole(person.id(), person.organisationId(), role);
                audit.record(event(AuditEventType.ROLE_CHANGED, admin, person, origin, role.name()));
                return Outcome.done();
            });
        } catch (Refused why) {
            return Outcome.refused(why.messageKey);
        }
    }

    public Outcome enable(Actor admin, Account person, RequestOrigin origin) {
        transaction.executeWithoutResult(status -> {
            directory.setEnabled(person.id(), true);
            audit.record(event(AuditEventType.ACCOUNT_ENABLED, admin, person, origin, null));
        });
        return Outcome.done();
    }

    Outcome unlock(Actor admin, Account person, RequestOrigin origin) {
        doors.unlock(person);
        audit.record(event(AuditEventType.ACCOUNT_UNLOCKED, admin, person, origin, null));
        return Outcome.done();
    }

    Outcome signOutEverywhere(Actor admin, Account person, RequestOrigin origin) {
        int ended = sessions.endAll(person);
        audit.record(event(AuditEventType.ALL_SESSIONS_ENDED, admin, person, origin, String.valueOf(ended)));
        return Outcome.done();
    }

    Outcome issuePass(Actor admin, Account person, Duration lifetime, boolean oneTime,
            RequestOrigin origin) {
        if (!AccessPasses.allowedLifetime(lifetime)) {
            return Outcome.refused("admin.pass.error.lifetime");
        }
        if (!person.enabled()) {
            return Outcome.refused("admin.pass.error.disabled");
        }
        return Outcome.shown(issuedPass(admin, person, lifetime, oneTime, origin));
    }

    Outcome revokePass(Actor admin, Account person, RequestOrigin origin) {
        if (!passes.revoke(person.id())) {
            return Outcome.refused("admin.pass.error.none");
        }
        audit.record(event(AuditEventType.ACCESS_PASS_REVOKED, admin, person, origin, null));
        return Outcome.done();
    }

    private Secret issuedPass(Actor admin, Account person, Duration lifetime, boolean oneTime,
            RequestOrigin origin) {
        AccessPasses.Issued issued = passes.issue(person.id(), lifetime, oneTime, admin.name());
        audit.record(event(AuditEventType.ACCESS_PASS_ISSUED, admin, person, origin,
                (oneTime ? "one-time" : "multi-use") + " until " + issued.expiresAt()));
        return new Secret(person, FirstCredential.ACCESS_PASS, issued.pass(), issued);
    }

    private static AuditEvent event(AuditEventType type, Actor admin, Account person, RequestOrigin origin,
            String detail) {
        return new AuditEvent(type, person.organisationId(), person.id(), origin, detail, admin.accountId(),
                admin.accountId() == null ? admin.name() : null);
    }

    /** The message key of what is wrong with the names; null when they may be stored. */
    private static String refusedNames(String displayName, String givenName, String surname) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > LONGEST_DISPLAY_NAME
                || hasControl(displayName)) {
            return "admin.add.error.displayName";
        }
        for (String name : new String[] {givenName, surname}) {
            if (name != null && (name.strip().length() > LONGEST_NAME || hasControl(name))) {
                return "admin.add.error.name";
            }
        }
        return null;
    }

    private static boolean hasControl(String text) {
        return text.codePoints().anyMatch(Character::isISOControl);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
