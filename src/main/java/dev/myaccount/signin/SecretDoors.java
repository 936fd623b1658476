package dev.myaccount.signin;

import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Service;

import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;

/**
 * The doors besides the sign-in page that check an account's own secret (the current password on Change
 * password, a code at the second sign-in step): each check takes its place in the account's smart lockout
 * before it is made, exactly as a sign-in from the same browser would, and a wrong or refused one shows on
 * the person's Sign-ins page. Wrong codes have a count of their own beside wrong passwords.
 */
@Service
public class SecretDoors {

    public enum Answer { RIGHT, WRONG, LOCKED }

    /** The account no one has, for the same look-ups for an unknown UPN as for a known one. */
    public static final UUID NO_ACCOUNT = new UUID(0, 0);

    private final Lockout lockout;
    private final FamiliarDevices devices;
    private final SignInLog log;

    SecretDoors(Lockout lockout, FamiliarDevices devices, SignInLog log) {
        this.lockout = lockout;
        this.devices = devices;
        this.log = log;
    }

    /** Logs a right secret at a door other than sign-in that completes something (a password reset). */
    public void succeeded(SignInDoor door, String method, Account account, SignInDetails from) {
        boolean familiar = from.device().map(device -> devices.isFamiliar(account.id(), device))
                .orElse(false);
        log.record(new SignInLog.Attempt(door, account.upn(), account.id(), account.organisationId(),
                SignInOutcome.SUCCEEDED, from.origin(), familiar, method));
    }

    /**
     * A code typed for a UPN that has no account (or none that can use this door): it takes a place in that UPN's
     * count like any other and is logged as a known account's wrong code is, after {@code sameWork} does what the
     * check of a real one would (a look-up and a keyed hash), so that neither a lockout nor the time a refusal takes
     * says whether the account exists.
     */
    public Answer wrongForUnknown(SignInDoor door, String method, String upn, String code, SignInDetails from,
            Runnable sameWork) {
        from.device().ifPresent(device -> devices.isFamiliar(NO_ACCOUNT, device));
        Lockout.Verdict verdict = lockout.check(DirectoryService.canonical(upn), false, Lockout.Secret.CODE, code,
                () -> {
                    sameWork.run();
                    return false;
                });
        log.record(new SignInLog.Attempt(door, upn, null, null, verdict == Lockout.Verdict.LOCKED
                ? SignInOutcome.LOCKED : SignInOutcome.UNKNOWN_ACCOUNT, from.origin(), false, method));
        return verdict == Lockout.Verdict.LOCKED || verdict == Lockout.Verdict.WRONG_NOW_LOCKED ? Answer.LOCKED
                : Answer.WRONG;
    }

    /** Runs {@code check} (true when {@code secret} is right) unless the account is locked. */
    public Answer check(SignInDoor door, Account account, String secret, SignInDetails from,
            BooleanSupplier check) {
        return check(door, null, account, secret, from, check);
    }

    /** The same for a code of the sign-in method of kind {@code method}, logged as a wrong code. */
    public Answer check(SignInDoor door, String method, Account account, String secret, SignInDetails from,
            BooleanSupplier check) {
        boolean familiar = from.device().map(device -> devices.isFamiliar(account.id(), device))
                .orElse(false);
        Lockout.Verdict verdict = lockout.check(account.upn(), familiar,
                method == null ? Lockout.Secret.PASSWORD : Lockout.Secret.CODE, secret, check);
        if (verdict == Lockout.Verdict.RIGHT) {
            return Answer.RIGHT;
        }
        SignInOutcome wrong = method == null ? SignInOutcome.WRONG_PASSWORD : SignInOutcome.WRONG_CODE;
        SignInOutcome outcome = verdict == Lockout.Verdict.LOCKED ? SignInOutcome.LOCKED : wrong;
        log.record(new SignInLog.Attempt(door, account.upn(), account.id(), account.organisationId(), outcome,
                from.origin(), familiar, method));
        return verdict == Lockout.Verdict.WRONG ? Answer.WRONG : Answer.LOCKED;
    }
}
