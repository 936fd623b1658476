package dev.myaccount.password;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.DirectoryUnreachableException;
import dev.myaccount.people.PasswordChecks;
import dev.myaccount.people.Passwords;
import dev.myaccount.people.PersonChanged.Way;
import dev.myaccount.policy.PolicySettings;
import dev.myaccount.policy.PolicyVerdict;
import dev.myaccount.signin.SecretDoors;
import dev.myaccount.signin.SignInDetails;
import dev.myaccount.signin.SignInDoor;

/**
 * Changes a person's own password: checks every field and reports all that is wrong, or else has the people core
 * store it (which ends every session of the account and tells the person). The current password is checked behind
 * the account's smart lockout, as a sign-in would be.
 */
@Service
public class ChangePasswordService {

    private final DirectoryService directory;
    private final PasswordChecks passwords;
    private final Passwords newPasswords;
    private final AuditLog audit;
    private final SecretDoors doors;

    ChangePasswordService(DirectoryService directory, PasswordChecks passwords, Passwords newPasswords,
            AuditLog audit, SecretDoors doors) {
        this.directory = directory;
        this.passwords = passwords;
        this.newPasswords = newPasswords;
        this.audit = audit;
        this.doors = doors;
    }

    /** The rules the person's new password must meet, for the page's checklist. */
    public PolicySettings rules(String upn) {
        return newPasswords.rulesFor(directory.findByUpn(upn).orElseThrow());
    }

    /** What the live checklist shows as the person types: every rule but their earlier passwords. */
    public PolicyVerdict check(String upn, String candidate) {
        return newPasswords.preview(directory.findByUpn(upn).orElseThrow(), candidate);
    }

    /**
     * Returns true when the password was changed; otherwise {@code errors} says why and nothing changed. The
     * checks and hashes hold no database connection: the lockout takes connections of its own, and a change
     * waiting for one while holding another is how a burst of changes once emptied the pool.
     */
    public boolean change(String upn, ChangePasswordForm form, Errors errors, SignInDetails from) {
        Account account = directory.findByUpn(upn).orElseThrow();
        checkCurrent(account, form, errors, from);
        RequestOrigin origin = from.origin();
        // Earlier passwords cost a hash each to compare: only for a person who knows the current one.
        List<Passwords.Refusal> refusals = newPasswords.refusals(account, form.currentPassword(),
                form.newPassword(), form.confirmPassword(), !errors.hasFieldErrors(Passwords.CURRENT));
        refusals.forEach(refusal -> errors.rejectValue(refusal.field(), refusal.messageKey(),
                refusal.arguments().toArray(), null));
        if (errors.hasErrors()) {
            audit.record(new AuditEvent(AuditEventType.PASSWORD_CHANGE_REFUSED, account.organisationId(),
                    account.id(), origin, errors.getAllErrors().get(0).getCode()));
            return false;
        }
        Passwords.Stored stored = newPasswords.store(account, form.currentPassword(), form.newPassword(), Way.CHANGED,
                origin, null, () -> true);
        if (!stored.done()) {
            errors.rejectValue(Passwords.NEW, stored.refusal());
            audit.record(new AuditEvent(AuditEventType.PASSWORD_CHANGE_REFUSED, account.organisationId(),
                    account.id(), origin, stored.refusal()));
            return false;
        }
        audit.record(AuditEvent.of(AuditEventType.ALL_SESSIONS_ENDED, account.organisationId(), account.id(),
                origin));
        return true;
    }

    private void checkCurrent(Account account, ChangePasswordForm form, Errors errors, SignInDetails from) {
        if (form.currentPassword().isEmpty()) {
            errors.rejectValue(Passwords.CURRENT, "password.error.current-required");
            return;
        }
        SecretDoors.Answer answer;
        try {
            answer = doors.check(SignInDoor.CHANGE_PASSWORD, account, form.currentPassword(), from,
                    () -> passwords.matches(account, form.currentPassword()));
        } catch (DirectoryUnreachableException unreachable) {
            errors.rejectValue(Passwords.CURRENT, "directory.error.unreachable");
            return;
        }
        switch (answer) {
            case RIGHT -> { }
            case WRONG -> errors.rejectValue(Passwords.CURRENT, "password.error.current-wrong");
            case LOCKED -> errors.rejectValue(Passwords.CURRENT, "password.error.current-locked");
        }
    }
}
