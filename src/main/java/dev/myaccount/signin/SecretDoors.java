package dev.myaccount.signin;

import java.util.function.BooleanSupplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Service;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.directory.Account;

/**
 * The doors besides the sign-in page that check an account's own secret (the current password on Change
 * password): each check takes its place in the account's smart lockout before it is made, exactly as a
 * sign-in from the same browser would, and a wrong or refused one shows on the person's Sign-ins page.
 */
@Service
public class SecretDoors {

    public enum Answer { RIGHT, WRONG, LOCKED }

    private final Lockout lockout;
    private final FamiliarDevices devices;
    private final SignInLog log;

    SecretDoors(Lockout lockout, FamiliarDevices devices, SignInLog log) {
        this.lockout = lockout;
        this.devices = devices;
        this.log = log;
    }

    /** Runs {@code check} (true when {@code secret} is right) unless the account is locked. */
    public Answer check(SignInDoor door, Account account, String secret, HttpServletRequest request,
            BooleanSupplier check) {
        boolean familiar = devices.deviceId(request).map(device -> devices.isFamiliar(account.id(), device))
                .orElse(false);
        Lockout.Verdict verdict = lockout.check(account.upn(), familiar, secret, check);
        if (verdict == Lockout.Verdict.RIGHT) {
            return Answer.RIGHT;
        }
        SignInOutcome outcome = verdict == Lockout.Verdict.LOCKED ? SignInOutcome.LOCKED : SignInOutcome.WRONG_PASSWORD;
        log.record(new SignInLog.Attempt(door, account.upn(), account.id(), account.organisationId(), outcome,
                RequestOrigin.of(request), familiar));
        return verdict == Lockout.Verdict.WRONG ? Answer.WRONG : Answer.LOCKED;
    }
}
