package dev.myaccount.people;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.credential.PasswordHistory;
import dev.myaccount.credential.PasswordNormalisation;
import dev.myaccount.credential.TemporaryPasswords;
import dev.myaccount.people.PersonChanged.PasswordSet;
import dev.myaccount.people.PersonChanged.Way;
import dev.myaccount.policy.PasswordPolicy;
import dev.myaccount.policy.PolicyContext;
import dev.myaccount.policy.PolicySettings;
import dev.myaccount.policy.PolicySettingsStore;
import dev.myaccount.policy.PolicyVerdict;

/**
 * The one place a password is checked against the organisation's policy and stored, from every door: Change
 * password, a reset, a first sign-in, an admin's or a provisioning client's temporary password, a new organisation's
 * first admin. A stored password goes with the one it replaces into the history and publishes
 * {@link PasswordSet}, on which sessions end, the lockout clears and the person is told.
 */
@Service
public class Passwords {

    public static final String CURRENT = "currentPassword";
    public static final String NEW = "newPassword";
    public static final String CONFIRM = "confirmPassword";

    /** Why a new password is refused: the form's field it belongs to and the message, with its arguments. */
    public record Refusal(String field, String messageKey, List<Object> arguments) {

        static Refusal of(String field, String messageKey) {
            return new Refusal(field, messageKey, List.of());
        }
    }

    private final DirectoryService directory;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final PolicySettingsStore policies;
    private final SecondFactors secondFactors;
    private final PasswordHistory history;
    private final TemporaryPasswords temporaryPasswords;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final ChangePublisher events;
    private final OwnDirectories ownDirectories;

    Passwords(DirectoryService directory, PasswordEncoder encoder, PasswordPolicy policy, PolicySettingsStore policies,
            SecondFactors secondFactors, PasswordHistory history, TemporaryPasswords temporaryPasswords,
            AuditLog audit, TransactionTemplate transaction, ChangePublisher events, OwnDirectories ownDirectories) {
        this.ownDirectories = ownDirectories;
        this.directory = directory;
        this.encoder = encoder;
        this.policy = policy;
        this.policies = policies;
        this.secondFactors = secondFactors;
        this.history = history;
        this.temporaryPasswords = temporaryPasswords;
        this.audit = audit;
        this.transaction = transaction;
        this.events = events;
    }

    /** The organisation's rules as they apply to the person's new password, for the page's checklist. */
    public PolicySettings rulesFor(Account account) {
        return policies.settings(account.organisationId())
                .forAccount(secondFactors.asked(account.id(), account.upn()));
    }

    /** What the live checklist shows as the person types: every rule but their earlier passwords. */
    public PolicyVerdict preview(Account account, String candidate) {
        return policy.evaluate(candidate, context(account, policies.settings(account.organisationId()),
                PolicyContext.NO_HISTORY));
    }

    /**
     * Everything wrong with a new password and its confirmation; empty when it may be stored. {@code current} is the
     * password the person typed as theirs, or null when a flow proved who they are (then the stored one is compared,
     * a hash, once nothing else is wrong). Earlier passwords cost a hash each: compared only when {@code withHistory}.
     */
    public List<Refusal> refusals(Account account, String current, String password, String confirmation,
            boolean withHistory) {
        List<Refusal> refusals = new ArrayList<>();
        if (password.isEmpty()) {
            refusals.add(Refusal.of(NEW, "password.error.new-required"));
        } else {
            PolicySettings settings = policies.settings(account.organisationId());
            Predicate<String> usedBefore = withHistory
                    ? candidate -> history.usedBefore(account.id(), candidate, settings.historyCount())
                    : PolicyContext.NO_HISTORY;
            policy.evaluate(password, context(account, settings, usedBefore)).reasons().forEach(reason ->
                    refusals.add(new Refusal(NEW, reason.messageKey(), reason.arguments())));
            if (current != null ? PasswordNormalisation.same(password, current)
                    : refusals.isEmpty() && account.passwordHash() != null
                            && encoder.matches(password, account.passwordHash())) {
                refusals.add(Refusal.of(NEW, "password.error.same-as-current"));
            }
        }
        if (confirmation.isEmpty()) {
            refusals.add(Refusal.of(CONFIRM, "password.error.confirm-required"));
        } else if (!PasswordNormalisation.same(password, confirmation)) {
            refusals.add(Refusal.of(CONFIRM, "password.error.mismatch"));
        }
        return refusals;
    }

    /** The policy's verdict on the first password of a person not added yet, to an organisation that may not exist. */
    public PolicyVerdict verdictForNewPerson(String organisationName, String domain, PolicySettings settings,
            List<String> bannedTerms, String upn, String displayName, String givenName, String surname,
            String password) {
        return policy.evaluate(password, PolicyContext.withoutHistory(upn, displayName, givenName, surname,
                organisationName, domain, settings, bannedTerms));
    }

    /** The verdict on the first password of a person about to be added to {@code organisation}. */
    public PolicyVerdict verdictForNewPerson(Organisation organisation, String upn, String displayName,
            String givenName, String surname, String password) {
        return verdictForNewPerson(organisation.name(), organisation.domain(), policies.settings(organisation.id()),
                policies.bannedTerms(organisation.id()), upn, displayName, givenName, surname, password);
    }

    /** The defaults a new organisation starts with. */
    public PolicySettings defaults() {
        return policy.defaults();
    }

    /**
     * What became of a password to store: stored; not stored because {@code alsoInTheTransaction} answered false (a
     * flow finished meanwhile); or refused by the person's own directory, with the message key of why.
     */
    public record Stored(boolean done, String refusal) {

        static final Stored DONE = new Stored(true, null);
        static final Stored FLOW_ENDED = new Stored(false, null);
    }

    /**
     * Stores the password the person chose, in one transaction with {@code alsoInTheTransaction} (a flow finished).
     * {@code current} is the password the person typed as theirs, or null when a flow proved who they are: a
     * person of an organisation with its own directory then has it written there bound as themselves, else as the
     * service account. The directory has the last word: when it refuses, nothing changed here either. {@code detail}
     * says for the audit how a reset was proven.
     */
    public Stored store(Account account, String current, String password, Way way, RequestOrigin origin,
            String detail, BooleanSupplier alsoInTheTransaction) {
        String hash = encoder.encode(password);
        try {
            return transaction.execute(status -> {
                if (!alsoInTheTransaction.getAsBoolean()) {
                    return Stored.FLOW_ENDED;
                }
                writeToOwnDirectory(account, current, password);
                replace(account, hash, false, way);
                audit.record(way == Way.CHANGED
                        ? AuditEvent.of(AuditEventType.PASSWORD_CHANGED, account.organisationId(), account.id(), origin)
                        : new AuditEvent(AuditEventType.PASSWORD_RESET, account.organisationId(), account.id(),
                                origin, detail));
                return Stored.DONE;
            });
        } catch (Refused refused) {
            return new Stored(false, refused.messageKey());
        }
    }

    /**
     * Makes, stores and returns a temporary password for the person, to be changed at their next sign-in; written to
     * their own directory as the service account, which may refuse it (Refused).
     */
    String setTemporary(Account account, Actor actor, RequestOrigin origin) {
        String password = temporary();
        String hash = encoder.encode(password);
        transaction.executeWithoutResult(status -> {
            writeToOwnDirectory(account, null, password);
            replace(account, hash, true, Way.SET_BY_ADMIN);
            audit.record(actor.event(AuditEventType.TEMPORARY_PASSWORD_SET, account, origin, null));
        });
        return password;
    }

    /**
     * Within the caller's transaction: an initial password a provisioning client sent, hashed by the caller. A person
     * whose password their own directory keeps gets theirs there, never from a provisioning client (Refused).
     */
    void setTemporaryHash(Account account, String hash, Actor actor, RequestOrigin origin) {
        if (account.inOwnDirectory()) {
            throw new Refused("directory.error.password-elsewhere");
        }
        replace(account, hash, true, Way.SET_BY_ADMIN);
        audit.record(actor.event(AuditEventType.TEMPORARY_PASSWORD_SET, account, origin, null));
    }

    /** A temporary password, made to be handed over once (not stored here). */
    String temporary() {
        return temporaryPasswords.make();
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    private void writeToOwnDirectory(Account account, String current, String password) {
        if (account.inOwnDirectory()) {
            (current != null ? ownDirectories.change(account, current, password)
                    : ownDirectories.reset(account, password)).ifPresent(refusal -> {
                        throw new Refused(refusal);
                    });
        }
    }

    /**
     * Keeps the new hash, or, for a person whose own directory keeps their password, only remembers it among their
     * earlier ones (so the history rule holds for changes made here) and when it changed.
     */
    private void replace(Account account, String hash, boolean temporary, Way way) {
        int historyCount = policies.settings(account.organisationId()).historyCount();
        if (account.passwordHash() != null) {
            history.remember(account.id(), account.passwordHash(), historyCount);
        }
        if (account.inOwnDirectory()) {
            history.remember(account.id(), hash, historyCount);
        }
        String kept = account.inOwnDirectory() ? null : hash;
        if (temporary) {
            directory.setTemporaryPassword(account.id(), kept);
        } else {
            directory.setPassword(account.id(), kept);
        }
        events.publish(new PasswordSet(account.id(), account.upn(), way,
                LocaleContextHolder.getLocale().toLanguageTag()));
    }

    /** The context under the organisation's own settings; whether the person has a second factor is asked here once. */
    private PolicyContext context(Account account, PolicySettings settings, Predicate<String> usedBefore) {
        Organisation organisation = directory.findOrganisation(account.organisationId()).orElseThrow();
        return new PolicyContext(account.upn(), account.displayName(), account.givenName(), account.surname(),
                organisation.name(), organisation.domain(), secondFactors.asked(account.id(), account.upn()), settings,
                policies.bannedTerms(organisation.id()), usedBefore);
    }
}
