package dev.myaccount.people;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.credential.AccessPasses;
import dev.myaccount.people.Outcome.FirstCredential;
import dev.myaccount.people.Outcome.Secret;
import dev.myaccount.policy.PolicyVerdict;

/**
 * Who an organisation's people are, and how they come and are let in, from every door (the admin pages, the
 * commands, SCIM, a CSV file): find them, add them with a first credential, rename and enable them, unlock them,
 * give them a temporary password or access pass. Every change is audited with who made it; a person of another
 * organisation is never found here. Changes that could leave the organisation without an admin are
 * {@link PersonChanges}'.
 */
@Service
public class People {

    private static final Duration NEW_PERSON_PASS_LIFETIME = Duration.ofDays(1);

    private final DirectoryService directory;
    private final Passwords passwords;
    private final AccessPasses passes;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final ChangePublisher events;
    private final OwnDirectories ownDirectories;

    People(DirectoryService directory, Passwords passwords, AccessPasses passes, AuditLog audit,
            TransactionTemplate transaction, ChangePublisher events, OwnDirectories ownDirectories) {
        this.ownDirectories = ownDirectories;
        this.directory = directory;
        this.passwords = passwords;
        this.passes = passes;
        this.audit = audit;
        this.transaction = transaction;
        this.events = events;
    }

    /** The person, when they belong to the actor's organisation. */
    public Optional<Account> find(Actor actor, UUID id) {
        return directory.findInOrganisation(id, actor.organisationId());
    }

    public Organisation organisation(Actor actor) {
        return directory.findOrganisation(actor.organisationId()).orElseThrow();
    }

    /** Adds a person as an admin types them, with the first credential they chose, shown once. */
    public Outcome add(Actor actor, String typedUpn, String displayName, String givenName, String surname,
            FirstCredential first, RequestOrigin origin) {
        Organisation organisation = organisation(actor);
        String upn = DirectoryService.canonical(typedUpn);
        String refused = PersonRules.refusedPerson(organisation, upn, displayName, givenName, surname);
        if (refused != null) {
            return Outcome.refused(refused);
        }
        boolean withPassword = first == FirstCredential.TEMPORARY_PASSWORD;
        String password = withPassword ? passwords.temporary() : null;
        Optional<Account> person = created(actor, organisation, new PersonDescription(upn, displayName, givenName,
                surname, null, true, password), first.name().toLowerCase(Locale.ROOT), origin);
        if (person.isEmpty()) {
            return Outcome.refused("admin.add.error.taken");
        }
        return withPassword ? Outcome.shown(new Secret(person.get(), FirstCredential.TEMPORARY_PASSWORD, password, null))
                : Outcome.shown(issuedPass(actor, person.get(), NEW_PERSON_PASS_LIFETIME, true, origin));
    }

    /** Adds a person a provisioning client describes, whole or not at all; {@code how} names the client for the audit. */
    public Provisioned provision(Actor actor, PersonDescription person, String how, RequestOrigin origin) {
        Organisation organisation = organisation(actor);
        String upn = DirectoryService.canonical(person.upn() == null ? "" : person.upn());
        String refusedUpn = PersonRules.refusedPerson(organisation, upn, person.displayName(), person.givenName(),
                person.surname());
        Provisioned refused = refusedUpn != null ? Provisioned.refused(refusedUpn)
                : refusedDescription(organisation, upn, person);
        if (refused != null) {
            return refused;
        }
        return created(actor, organisation, person, how, origin).map(Provisioned::done)
                .orElseGet(() -> Provisioned.refused("admin.add.error.taken"));
    }

    /** What is wrong with a described person's names, external id or initial password; null when nothing. */
    Provisioned refusedDescription(Organisation organisation, String upn, PersonDescription person) {
        String refused = PersonRules.refusedNames(person.displayName(), person.givenName(), person.surname());
        if (refused == null) {
            refused = PersonRules.refusedExternalId(person.externalId());
        }
        if (refused != null) {
            return Provisioned.refused(refused);
        }
        if (person.initialPassword() != null) {
            PolicyVerdict verdict = passwords.verdictForNewPerson(organisation, upn, person.displayName(),
                    person.givenName(), person.surname(), person.initialPassword());
            if (!verdict.accepted()) {
                return new Provisioned(null, "admin.add.error.password", verdict.reasons());
            }
        }
        return null;
    }

    public Outcome rename(Actor actor, Account person, String displayName, String givenName, String surname,
            RequestOrigin origin) {
        String refusedName = PersonRules.refusedNames(displayName, givenName, surname);
        if (refusedName != null) {
            return Outcome.refused(refusedName);
        }
        transaction.executeWithoutResult(status -> {
            directory.rename(person.id(), displayName.strip(), PersonRules.blankToNull(givenName),
                    PersonRules.blankToNull(surname));
            audit.record(actor.event(AuditEventType.ACCOUNT_RENAMED, person, origin, null));
        });
        return Outcome.done();
    }

    public Outcome enable(Actor actor, Account person, RequestOrigin origin) {
        transaction.executeWithoutResult(status -> {
            directory.setEnabled(person.id(), true);
            audit.record(actor.event(AuditEventType.ACCOUNT_ENABLED, person, origin, null));
            events.publish(new PersonChanged.Enabled(person.id(), person.upn()));
        });
        return Outcome.done();
    }

    /**
     * A new temporary password, to be changed at the next sign-in; every session of the person ends. A person of an
     * organisation with its own directory gets it there, which also lifts the directory's lockout of them.
     */
    public Outcome resetPassword(Actor actor, Account person, RequestOrigin origin) {
        try {
            String password = passwords.setTemporary(person, actor, origin);
            return Outcome.shown(new Secret(person, FirstCredential.TEMPORARY_PASSWORD, password, null));
        } catch (Refused refused) {
            return Outcome.refused(refused.messageKey());
        }
    }

    /** Clears the portal's lockout of the person and, for one of an organisation with its own directory, that one's. */
    public Outcome unlock(Actor actor, Account person, RequestOrigin origin) {
        Optional<String> refused = person.inOwnDirectory() ? ownDirectories.unlock(person) : Optional.empty();
        if (refused.isPresent()) {
            return Outcome.refused(refused.get());
        }
        transaction.executeWithoutResult(status -> {
            audit.record(actor.event(AuditEventType.ACCOUNT_UNLOCKED, person, origin, null));
            events.publish(new PersonChanged.Unlocked(person.id(), person.upn()));
        });
        return Outcome.done();
    }

    public Outcome issuePass(Actor actor, Account person, Duration lifetime, boolean oneTime, RequestOrigin origin) {
        if (!AccessPasses.allowedLifetime(lifetime)) {
            return Outcome.refused("admin.pass.error.lifetime");
        }
        if (!person.enabled()) {
            return Outcome.refused("admin.pass.error.disabled");
        }
        return Outcome.shown(issuedPass(actor, person, lifetime, oneTime, origin));
    }

    public Outcome revokePass(Actor actor, Account person, RequestOrigin origin) {
        if (!passes.revoke(person.id())) {
            return Outcome.refused("admin.pass.error.none");
        }
        audit.record(actor.event(AuditEventType.ACCESS_PASS_REVOKED, person, origin, null));
        return Outcome.done();
    }

    private Secret issuedPass(Actor actor, Account person, Duration lifetime, boolean oneTime, RequestOrigin origin) {
        AccessPasses.Issued issued = transaction.execute(status -> {
            directory.lockAccount(person.id());
            return passes.issue(person.id(), lifetime, oneTime, actor.name());
        });
        audit.record(actor.event(AuditEventType.ACCESS_PASS_ISSUED, person, origin,
                (oneTime ? "one-time" : "multi-use") + " until " + issued.expiresAt()));
        return new Secret(person, FirstCredential.ACCESS_PASS, issued.pass(), issued);
    }

    /** The account made of a checked person with its audit event, or empty when the UPN is taken. */
    private Optional<Account> created(Actor actor, Organisation organisation, PersonDescription person, String how,
            RequestOrigin origin) {
        String hash = person.initialPassword() == null ? null : passwords.hash(person.initialPassword());
        try {
            UUID id = transaction.execute(status -> {
                UUID created = directory.createAccount(new NewAccount(organisation.id(),
                        DirectoryService.canonical(person.upn()), person.displayName().strip(),
                        PersonRules.blankToNull(person.givenName()), PersonRules.blankToNull(person.surname()), hash,
                        hash != null, Role.MEMBER));
                if (!person.enabled()) {
                    directory.setEnabled(created, false);
                }
                if (person.externalId() != null) {
                    directory.setExternalId(created, person.externalId());
                }
                audit.record(new AuditEvent(AuditEventType.ACCOUNT_CREATED, organisation.id(), created, origin, how,
                        actor.accountId(), actor.accountId() == null ? actor.name() : null));
                return created;
            });
            return directory.find(id);
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
    }
}
