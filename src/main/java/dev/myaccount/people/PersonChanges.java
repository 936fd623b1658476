package dev.myaccount.people;

import java.util.Objects;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;

/**
 * The changes that end a person's access or move it: a new UPN, disabling, deletion, the admin role, and a
 * provisioning client's update that may do several at once. The organisation keeps an enabled admin whatever the
 * door. Each publishes a {@link PersonChanged} in its transaction, on which sessions end and passkeys follow.
 */
@Service
public class PersonChanges {

    private final DirectoryService directory;
    private final People people;
    private final Passwords passwords;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final ChangePublisher events;

    PersonChanges(DirectoryService directory, People people, Passwords passwords, AuditLog audit,
            TransactionTemplate transaction, ChangePublisher events) {
        this.directory = directory;
        this.people = people;
        this.passwords = passwords;
        this.audit = audit;
        this.transaction = transaction;
        this.events = events;
    }

    /**
     * Brings the person to what a provisioning client describes: UPN, names, external id, enabled or not, and a new
     * initial password when it sends one. Checked whole first: a refusal changes nothing.
     */
    public Provisioned update(Actor actor, Account person, PersonDescription wanted, RequestOrigin origin) {
        Organisation organisation = people.organisation(actor);
        String upn = DirectoryService.canonical(wanted.upn() == null ? "" : wanted.upn());
        boolean moved = !upn.equals(person.upn());
        String refusedUpn = moved ? PersonRules.refusedUpn(organisation, upn) : null;
        if (refusedUpn != null) {
            return Provisioned.refused(refusedUpn);
        }
        Provisioned refused = people.refusedDescription(organisation, upn, wanted);
        if (refused != null) {
            return refused;
        }
        String hash = wanted.initialPassword() == null ? null : passwords.hash(wanted.initialPassword());
        String givenName = PersonRules.blankToNull(wanted.givenName());
        String surname = PersonRules.blankToNull(wanted.surname());
        try {
            transaction.executeWithoutResult(status -> {
                if (!wanted.enabled() && person.enabled()) {
                    keepAnAdminBesides(person);
                }
                if (hash != null) {
                    passwords.setTemporaryHash(person, hash, actor, origin);
                }
                if (moved) {
                    move(actor, person, upn, origin);
                }
                if (!wanted.displayName().strip().equals(person.displayName())
                        || !Objects.equals(givenName, person.givenName())
                        || !Objects.equals(surname, person.surname())) {
                    directory.rename(person.id(), wanted.displayName().strip(), givenName, surname);
                    audit.record(actor.event(AuditEventType.ACCOUNT_RENAMED, person, origin, null));
                }
                directory.setExternalId(person.id(), wanted.externalId());
                if (wanted.enabled() != person.enabled()) {
                    directory.setEnabled(person.id(), wanted.enabled());
                    audit.record(actor.event(wanted.enabled() ? AuditEventType.ACCOUNT_ENABLED
                            : AuditEventType.ACCOUNT_DISABLED, person, origin, null));
                    events.publish(wanted.enabled() ? new PersonChanged.Enabled(person.id(), person.upn())
                            : new PersonChanged.Disabled(person.id(), person.upn()));
                }
            });
        } catch (DuplicateKeyException taken) {
            return Provisioned.refused("admin.add.error.taken");
        } catch (Refused why) {
            return Provisioned.refused(why.messageKey());
        }
        // The person as they were: the caller reads them again (and finds no one if they were deleted meanwhile).
        return Provisioned.done(person);
    }

    /**
     * Gives the person another UPN on the organisation's domain, as an admin types it. Every session of theirs ends,
     * and they sign in with the new UPN, keeping their methods and passkeys. Not for the admin's own account.
     */
    public Outcome changeUpn(Actor actor, Account person, String typed, RequestOrigin origin) {
        if (person.id().equals(actor.accountId())) {
            return Outcome.refused("admin.person.error.upnSelf");
        }
        String upn = DirectoryService.canonical(typed == null ? "" : typed.strip());
        if (upn.equals(person.upn())) {
            return Outcome.refused("admin.person.error.upnSame");
        }
        String refused = PersonRules.refusedUpn(people.organisation(actor), upn);
        if (refused != null) {
            return Outcome.refused(refused);
        }
        try {
            transaction.executeWithoutResult(status -> move(actor, person, upn, origin));
        } catch (DuplicateKeyException taken) {
            return Outcome.refused("admin.add.error.taken");
        } catch (Refused why) {
            return Outcome.refused(why.messageKey());
        }
        return Outcome.done();
    }

    /** Disables the person and ends every session of theirs at once; an admin cannot disable themselves. */
    public Outcome disable(Actor actor, Account person, RequestOrigin origin) {
        if (person.id().equals(actor.accountId())) {
            return Outcome.refused("admin.person.error.self");
        }
        try {
            transaction.executeWithoutResult(status -> {
                keepAnAdminBesides(person);
                directory.setEnabled(person.id(), false);
                audit.record(actor.event(AuditEventType.ACCOUNT_DISABLED, person, origin, null));
                events.publish(new PersonChanged.Disabled(person.id(), person.upn()));
            });
        } catch (Refused why) {
            return Outcome.refused(why.messageKey());
        }
        return Outcome.done();
    }

    /**
     * Deletes the person with their methods, passkeys, history and sign-ins, and ends their sessions; the audit
     * log keeps their events and names them in the deletion's own. An admin cannot delete themselves.
     */
    public Outcome delete(Actor actor, Account person, RequestOrigin origin) {
        if (person.id().equals(actor.accountId())) {
            return Outcome.refused("admin.person.error.deleteSelf");
        }
        // Of deletions at once, the one whose delete finds the row does the rest; the others find no one.
        boolean deleted;
        try {
            deleted = Boolean.TRUE.equals(transaction.execute(status -> {
                keepAnAdminBesides(person);
                // Recorded first, while the event can still read the person's UPN and name to keep them.
                audit.record(actor.event(AuditEventType.ACCOUNT_DELETED, person, origin, person.upn()));
                if (!directory.delete(person.id())) {
                    status.setRollbackOnly();
                    return false;
                }
                events.publish(new PersonChanged.Deleted(person.id(), person.upn()));
                return true;
            }));
        } catch (Refused why) {
            return Outcome.refused(why.messageKey());
        }
        return deleted ? Outcome.done() : Outcome.refused(Outcome.GONE);
    }

    /** Makes the person an admin of the organisation, or a member only; the organisation keeps an enabled admin. */
    public Outcome setAdmin(Actor actor, Account person, boolean makeAdmin, RequestOrigin origin) {
        try {
            return transaction.execute(status -> {
                if (!makeAdmin) {
                    keepAnAdminBesides(person);
                }
                Role role = makeAdmin ? Role.ADMIN : Role.MEMBER;
                directory.setRole(person.id(), person.organisationId(), role);
                audit.record(actor.event(AuditEventType.ROLE_CHANGED, person, origin, role.name()));
                return Outcome.done();
            });
        } catch (Refused why) {
            return Outcome.refused(why.messageKey());
        }
    }

    /**
     * The UPN's change, audited with the UPN they had; only from the UPN the caller read, so that of two changes at
     * once the second cannot leave what knows the person by it (their passkeys, which follow in this transaction)
     * behind.
     */
    private void move(Actor actor, Account person, String upn, RequestOrigin origin) {
        if (!directory.changeUpn(person.id(), person.upn(), upn)) {
            throw new Refused("admin.person.error.upnMeanwhile");
        }
        events.publish(new PersonChanged.UpnChanged(person.id(), person.upn(), upn));
        audit.record(actor.event(AuditEventType.UPN_CHANGED, person, origin, person.upn()));
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
}
