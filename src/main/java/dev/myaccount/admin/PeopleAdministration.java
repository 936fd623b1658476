package dev.myaccount.admin;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
import dev.myaccount.directory.Account;
import dev.myaccount.directory.DirectoryService;
import dev.myaccount.directory.NewAccount;
import dev.myaccount.directory.Organisation;
import dev.myaccount.directory.Person;
import dev.myaccount.directory.Role;
import dev.myaccount.session.AccountSessions;
import dev.myaccount.signin.SecretDoors;
import dev.myaccount.signin.SignedInPerson;

/**
 * What an organisation's admin does to its people: find them, add them with a first credential, reset a
 * password, disable, enable, unlock, sign out everywhere, give or revoke a temporary access pass. Every
 * change is audited with the admin who made it; a person of another organisation is never found here.
 */
@Service
class PeopleAdministration {

    static final int PAGE_SIZE = 50;
    static final int LONGEST_SEARCH = 100;
    private static final int LONGEST_NAME = 128;
    private static final int LONGEST_DISPLAY_NAME = 256;
    private static final Duration NEW_PERSON_PASS_LIFETIME = Duration.ofDays(1);
    /** A UPN's name part as directories allow it: letters, digits and . _ - ' +, not at the ends with a dot. */
    private static final Pattern NAME_PART = Pattern.compile("[a-z0-9_'+-]([a-z0-9._'+-]{0,62}[a-z0-9_'+-])?");

    /** How a new person signs in the first time. */
    enum FirstCredential { TEMPORARY_PASSWORD, ACCESS_PASS }

    /** A secret shown to the admin once: a temporary password or a temporary access pass. */
    record Secret(Account person, FirstCredential kind, String value, AccessPasses.Issued pass) {
    }

    /** The answer to an admin's change: the secret to show, if any, or the message key of why not. */
    record Outcome(Optional<Secret> secret, String refusal) {

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
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    PeopleAdministration(DirectoryService directory, PasswordEncoder passwords, TemporaryPasswords temporaryPasswords,
            AccessPasses passes, AccountSessions sessions, SecretDoors doors, AuditLog audit,
            TransactionTemplate transaction) {
        this.directory = directory;
        this.passwords = passwords;
        this.temporaryPasswords = temporaryPasswords;
        this.passes = passes;
        this.sessions = sessions;
        this.doors = doors;
        this.audit = audit;
        this.transaction = transaction;
    }

    Listing list(SignedInPerson admin, String search, int page) {
        String text = search.length() > LONGEST_SEARCH ? search.substring(0, LONGEST_SEARCH) : search;
        int number = Math.max(0, page);
        List<Person> found = directory.people(admin.organisationId(), text, number * PAGE_SIZE, PAGE_SIZE + 1);
        return new Listing(found.stream().limit(PAGE_SIZE).toList(), number, found.size() > PAGE_SIZE);
    }

    /** The person, when they belong to the admin's organisation. */
    Optional<Account> find(SignedInPerson admin, UUID id) {
        return directory.findInOrganisation(id, admin.organisationId());
    }

    Organisation organisation(SignedInPerson admin) {
        return directory.findOrganisation(admin.organisationId()).orElseThrow();
    }

    Outcome add(SignedInPerson admin, NewPersonForm form, RequestOrigin origin) {
        Organisation organisation = organisation(admin);
        String upn = DirectoryService.canonical(form.upn());
        String domainSuffix = "@" + organisation.domain();
        if (!upn.endsWith(domainSuffix)) {
            return Outcome.refused("admin.add.error.domain");
        }
        if (!NAME_PART.matcher(upn.substring(0, upn.length() - domainSuffix.length())).matches()) {
            return Outcome.refused("admin.add.error.upn");
        }
        String refusedName = refusedNames(form.displayName(), form.givenName(), form.surname());
        if (refusedName != null) {
            return Outcome.refused(refusedName);
        }
        boolean withPassword = form.firstCredential() == FirstCredential.TEMPORARY_PASSWORD;
        String password = withPassword ? temporaryPasswords.make() : null;
        String hash = withPassword ? passwords.encode(password) : null;
        try {
            UUID id = transaction.execute(status -> {
                UUID created = directory.createAccount(new NewAccount(organisation.id(), upn,
                        form.displayName().strip(), blankToNull(form.givenName()), blankToNull(form.surname()), hash,
                        withPassword, Role.MEMBER));
                audit.record(new AuditEvent(AuditEventType.ACCOUNT_CREATED, organisation.id(), created, origin,
                        form.firstCredential().name().toLowerCase(Locale.ROOT), admin.accountId()));
                return created;
            });
            Account person = directory.find(id).orElseThrow();
            return withPassword ? Outcome.shown(new Secret(person, FirstCredential.TEMPORARY_PASSWORD, password, null))
                    : Outcome.shown(issuedPass(admin, person, NEW_PERSON_PASS_LIFETIME, true, origin));
        } catch (DuplicateKeyException taken) {
            return Outcome.refused("admin.add.error.taken");
        }
    }

    Outcome rename(SignedInPerson admin, Account person, NewPersonForm names, RequestOrigin origin) {
        String refusedName = refusedNames(names.displayName(), names.givenName(), names.surname());
        if (refusedName != null) {
            return Outcome.refused(refusedName);
        }
        transaction.executeWithoutResult(status -> {
            directory.rename(person.id(), names.displayName().strip(), blankToNull(names.givenName()),
                    blankToNull(names.surname()));
            audit.record(event(AuditEventType.ACCOUNT_RENAMED, admin, person, origin, null));
        });
        return Outcome.done();
    }

    /** A new temporary password, to be changed at the next sign-in; every session of the person ends. */
    Outcome resetPassword(SignedInPerson admin, Account person, RequestOrigin origin) {
        String password = temporaryPasswords.make();
        String hash = passwords.encode(password);
        transaction.executeWithoutResult(status -> {
            directory.setTemporaryPassword(person.id(), hash);
            audit.record(event(AuditEventType.TEMPORARY_PASSWORD_SET, admin, person, origin, null));
        });
        sessions.endAll(person.upn());
        return Outcome.shown(new Secret(person, FirstCredential.TEMPORARY_PASSWORD, password, null));
    }

    /** Disables the person and ends every session of theirs at once; an admin cannot disable themselves. */
    Outcome disable(SignedInPerson admin, Account person, RequestOrigin origin) {
        if (person.id().equals(admin.accountId())) {
            return Outcome.refused("admin.person.error.self");
        }
        transaction.executeWithoutResult(status -> {
            directory.setEnabled(person.id(), false);
            audit.record(event(AuditEventType.ACCOUNT_DISABLED, admin, person, origin, null));
        });
        sessions.endAll(person.upn());
        return Outcome.done();
    }

    Outcome enable(SignedInPerson admin, Account person, RequestOrigin origin) {
        transaction.executeWithoutResult(status -> {
            directory.setEnabled(person.id(), true);
            audit.record(event(AuditEventType.ACCOUNT_ENABLED, admin, person, origin, null));
        });
        return Outcome.done();
    }

    Outcome unlock(SignedInPerson admin, Account person, RequestOrigin origin) {
        doors.unlock(person);
        audit.record(event(AuditEventType.ACCOUNT_UNLOCKED, admin, person, origin, null));
        return Outcome.done();
    }

    Outcome signOutEverywhere(SignedInPerson admin, Account person, RequestOrigin origin) {
        int ended = sessions.endAll(person.upn());
        audit.record(event(AuditEventType.ALL_SESSIONS_ENDED, admin, person, origin, String.valueOf(ended)));
        return Outcome.done();
    }

    Outcome issuePass(SignedInPerson admin, Account person, Duration lifetime, boolean oneTime,
            RequestOrigin origin) {
        if (!AccessPasses.allowedLifetime(lifetime)) {
            return Outcome.refused("admin.pass.error.lifetime");
        }
        if (!person.enabled()) {
            return Outcome.refused("admin.pass.error.disabled");
        }
        return Outcome.shown(issuedPass(admin, person, lifetime, oneTime, origin));
    }

    Outcome revokePass(SignedInPerson admin, Account person, RequestOrigin origin) {
        if (passes.revoke(person.id())) {
            audit.record(event(AuditEventType.ACCESS_PASS_REVOKED, admin, person, origin, null));
        }
        return Outcome.done();
    }

    private Secret issuedPass(SignedInPerson admin, Account person, Duration lifetime, boolean oneTime,
            RequestOrigin origin) {
        AccessPasses.Issued issued = passes.issue(person.id(), lifetime, oneTime, admin.upn());
        audit.record(event(AuditEventType.ACCESS_PASS_ISSUED, admin, person, origin,
                (oneTime ? "one-time" : "multi-use") + " until " + issued.expiresAt()));
        return new Secret(person, FirstCredential.ACCESS_PASS, issued.pass(), issued);
    }

    private static AuditEvent event(AuditEventType type, SignedInPerson admin, Account person, RequestOrigin origin,
            String detail) {
        return new AuditEvent(type, person.organisationId(), person.id(), origin, detail, admin.accountId());
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
