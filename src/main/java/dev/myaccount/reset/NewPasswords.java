package dev.myaccount.reset;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.credential.PasswordHistory;
import dev.myaccount.credential.PasswordNormalisation;
import dev.myaccount.flow.Flows;
import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Organisation;
import dev.myaccount.policy.PasswordPolicy;
import dev.myaccount.policy.PolicyContext;
import dev.myaccount.policy.PolicySettings;
import dev.myaccount.policy.PolicySettingsStore;
import dev.myaccount.policy.PolicyVerdict;
import dev.myaccount.session.AccountSessions;
import dev.myaccount.signin.SecretDoors;

/**
 * A password set without the current one, at the end of a flow that proved who the person is (a reset, a
 * first sign-in with a temporary access pass): checked against the organisation's whole policy, stored
 * with the flow finished in one transaction, then every session of the account ends and its lockout clears.
 */
@Service
class NewPasswords {

    private final Flows flows;
    private final DirectoryService directory;
    private final PasswordPolicy policy;
    private final PolicySettingsStore policies;
    private final PasswordEncoder passwords;
    private final PasswordHistory history;
    private final AccountSessions sessions;
    private final SecretDoors doors;
    private final AuditLog audit;
    private final MessageSource messages;
    private final TransactionTemplate transaction;

    NewPasswords(Flows flows, DirectoryService directory, PasswordPolicy policy, PolicySettingsStore policies,
            PasswordEncoder passwords, PasswordHistory history, AccountSessions sessions, SecretDoors doors,
            AuditLog audit, MessageSource messages, TransactionTemplate transaction) {
        this.flows = flows;
        this.directory = directory;
        this.policy = policy;
        this.policies = policies;
        this.passwords = passwords;
        this.history = history;
        this.sessions = sessions;
        this.doors = doors;
        this.audit = audit;
        this.messages = messages;
        this.transaction = transaction;
    }

    /** The organisation's rules for the account's new password, for the page's checklist. */
    PolicySettings rules(Account account) {
        return policies.rulesFor(account.organisationId(), account.id(), account.upn());
    }

    /** What the live checklist shows as the person types: every rule but their earlier passwords. */
    PolicyVerdict preview(Account account, String candidate) {
        return policy.evaluate(candidate, context(account, PolicyContext.NO_HISTORY));
    }

    /** Everything wrong with the two fields, in the person's language; empty when the password may be set. */
    List<String> problems(Account account, String password, String confirmation, Locale language) {
        if (password.isEmpty()) {
            return List.of(messages.getMessage("password.error.new-required", null, language));
        }
        int keep = rules(account).historyCount();
        List<String> refusals = policy.evaluate(password, context(account,
                candidate -> history.usedBefore(account.id(), candidate, keep))).reasons().stream()
                .map(reason -> messages.getMessage(reason.messageKey(), reason.arguments().toArray(), language))
                .toList();
        if (!refusals.isEmpty()) {
            return refusals;
        }
        // As on Change password: the password the account has now is no new one (a hash to compare, once).
        if (account.passwordHash() != null && passwords.matches(password, account.passwordHash())) {
            return List.of(messages.getMessage("password.error.same-as-current", null, language));
        }
        if (!PasswordNormalisation.same(password, confirmation)) {
            return List.of(messages.getMessage("password.error.mismatch", null, language));
        }
        return List.of();
    }

    /**
     * Sets the password and finishes the flow, audited as {@link AuditEventType#PASSWORD_RESET} with {@code how};
     * false when the flow was finished or expired meanwhile, and then nothing changed.
     */
    boolean set(UUID flow, String flowKind, Account account, String password, String how,
            HttpServletRequest request) {
        String hash = passwords.encode(password);
        int keep = rules(account).historyCount();
        Boolean done = transaction.execute(status -> {
            if (!flows.finish(flow, flowKind)) {
                return false;
            }
            if (account.passwordHash() != null) {
                history.remember(account.id(), account.passwordHash(), keep);
            }
            directory.setPassword(account.id(), hash);
            audit.record(new AuditEvent(AuditEventType.PASSWORD_RESET, account.organisationId(), account.id(),
                    RequestOrigin.of(request), how));
            return true;
        });
        if (!Boolean.TRUE.equals(done)) {
            return false;
        }
        // Spring Session deletes in transactions of its own; once the new password is stored, every session ends.
        sessions.endAll(account);
        doors.unlock(account);
        return true;
    }

    private PolicyContext context(Account account, Predicate<String> usedBefore) {
        Organisation organisation = directory.findOrganisation(account.organisationId()).orElseThrow();
        return policies.contextFor(account, organisation, rules(account), usedBefore);
    }
}
