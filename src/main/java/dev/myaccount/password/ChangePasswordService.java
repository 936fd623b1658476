package dev.myaccount.password;

import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.Errors;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.credential.PasswordHistory;
import dev.myaccount.credential.PasswordNormalisation;
import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Organisation;
import dev.myaccount.policy.PasswordPolicy;
import dev.myaccount.policy.PolicyContext;
import dev.myaccount.policy.PolicyReason;
import dev.myaccount.policy.PolicySettings;
import dev.myaccount.policy.PolicySettingsStore;
import dev.myaccount.policy.PolicyVerdict;
import dev.myaccount.securityinfo.SecurityNotices;
import dev.myaccount.session.AccountSessions;
import dev.myaccount.signin.SecretDoors;
import dev.myaccount.signin.SignInDoor;

/**
 * Changes a person's own password: checks every field and reports all that is wrong, or else stores the
 * new hash and the old one in the history in one transaction, then ends every session of the account and tells the
 * person at their email addresses. The current password is checked behind the account's smart lockout, as a sign-in
 * would be.
 */
@Service
public class ChangePasswordService {

    private final DirectoryService directory;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final PolicySettingsStore settingsStore;
    private final PasswordHistory history;
    private final AccountSessions sessions;
    private final AuditLog audit;
    private final SecretDoors doors;
    private final TransactionTemplate transaction;
    private final SecurityNotices notices;

    ChangePasswordService(DirectoryService directory, PasswordEncoder passwords, PasswordPolicy policy,
            PolicySettingsStore settingsStore, PasswordHistory history, AccountSessions sessions,
            AuditLog audit, SecretDoors doors, TransactionTemplate transaction, SecurityNotices notices) {
        this.notices = notices;
        this.directory = directory;
        this.passwords = passwords;
        this.policy = policy;
        this.settingsStore = settingsStore;
        this.history = history;
        this.sessions = sessions;
        this.audit = audit;
        this.doors = doors;
        this.transaction = transaction;
    }

    /** What the live checklist shows as the person types: every rule but their earlier passwords. */
    public PolicyVerdict check(String upn, String candidate) {
        Account account = directory.findByUpn(upn).orElseThrow();
        PolicySettings settings = settingsStore.settings(account.organisationId());
        return policy.evaluate(candidate, contextFor(account, settings, PolicyContext.NO_HISTORY));
    }

    /**
     * Returns true when the password was changed; otherwise {@code errors} says why and nothing changed. The
     * checks and hashes hold no database connection: the lockout takes connections of its own, and a change
     * waiting for one while holding another is how a burst of changes once emptied the pool.
     */
    public boolean change(String upn, ChangePasswordForm form, Errors errors, HttpServletRequest request) {
        Account account = directory.findByUpn(upn).orElseThrow();
        PolicySettings settings = settingsStore.settings(account.organisationId());
        checkCurrent(account, form, errors, request);
        RequestOrigin origin = RequestOrigin.of(request);
        // Earlier passwords cost a hash each to compare: only for a person who knows the current one.
        Predicate<String> usedBefore = errors.hasFieldErrors("currentPassword") ? PolicyContext.NO_HISTORY
                : candidate -> history.usedBefore(account.id(), candidate, settings.historyCount());
        checkNew(form, contextFor(account, settings, usedBefore), errors);
        if (errors.hasErrors()) {
            audit.record(new AuditEvent(AuditEventType.PASSWORD_CHANGE_REFUSED, account.organisationId(),
                    account.id(), origin, errors.getAllErrors().get(0).getCode()));
            return false;
        }
        String newHash = passwords.encode(form.newPassword());
        transaction.executeWithoutResult(status -> {
            history.remember(account.id(), account.passwordHash(), settings.historyCount());
            directory.setPassword(account.id(), newHash);
            audit.record(AuditEvent.of(AuditEventType.PASSWORD_CHANGED, account.organisationId(), account.id(),
                    origin));
        });
        // Spring Session deletes in transactions of its own; once the new password is stored, every session ends.
        sessions.endAll(account);
        audit.record(AuditEvent.of(AuditEventType.ALL_SESSIONS_ENDED, account.organisationId(), account.id(),
                origin));
        notices.passwordChanged(account.id());
        return true;
    }

    private void checkCurrent(Account account, ChangePasswordForm form, Errors errors, HttpServletRequest request) {
        if (form.currentPassword().isEmpty()) {
            errors.rejectValue("currentPassword", "password.error.current-required");
            return;
        }
        switch (doors.check(SignInDoor.CHANGE_PASSWORD, account, form.currentPassword(), request,
                () -> passwords.matches(form.currentPassword(), account.passwordHash()))) {
            case RIGHT -> { }
            case WRONG -> errors.rejectValue("currentPassword", "password.error.current-wrong");
            case LOCKED -> errors.rejectValue("currentPassword", "password.error.current-locked");
        }
    }

    private void checkNew(ChangePasswordForm form, PolicyContext context, Errors errors) {
        if (form.newPassword().isEmpty()) {
            errors.rejectValue("newPassword", "password.error.new-required");
        } else {
            for (PolicyReason reason : policy.evaluate(form.newPassword(), context).reasons()) {
                errors.rejectValue("newPassword", reason.messageKey(), reason.arguments().toArray(), null);
            }
            if (PasswordNormalisation.same(form.newPassword(), form.currentPassword())) {
                errors.rejectValue("newPassword", "password.error.same-as-current");
            }
        }
        if (form.confirmPassword().isEmpty()) {
            errors.rejectValue("confirmPassword", "password.error.confirm-required");
        } else if (!PasswordNormalisation.same(form.newPassword(), form.confirmPassword())) {
            errors.rejectValue("confirmPassword", "password.error.mismatch");
        }
    }

    private PolicyContext contextFor(Account account, PolicySettings settings, Predicate<String> usedBefore) {
        Organisation organisation = directory.findOrganisation(account.organisationId()).orElseThrow();
        return settingsStore.contextFor(account, organisation, settings, usedBefore);
    }
}
