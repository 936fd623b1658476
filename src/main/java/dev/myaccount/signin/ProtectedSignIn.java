package dev.myaccount.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.myaccount.credential.HashingBusyException;
import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.DirectoryUnreachableException;
import dev.myaccount.people.Organisation;
import dev.myaccount.people.PasswordChecks;
import dev.myaccount.people.SecondFactors;
import dev.myaccount.web.AddressRateLimiter;
import dev.myaccount.web.RateLimits;

/**
 * The portal's one sign-in check: the client address's allowance of failures and the UPN's smart lockout
 * each take their place before the password is hashed (no hash is spent on a locked UPN), a right password
 * gives the address its place back, every attempt is logged, and hashing that is too busy gets a polite
 * refusal. An unknown, disabled or password-less account walks the same path as a wrong password, with the same
 * work (PasswordChecks), so neither the answer nor its time tells them apart. An organisation's own directory that
 * does not answer gets a page that says so, and the attempt counts for nothing.
 */
@Component
class ProtectedSignIn implements AuthenticationProvider {

    private final PasswordEncoder passwords;
    private final PasswordChecks checks;
    private final DirectoryService directory;
    private final Lockout lockout;
    private final FamiliarDevices devices;
    private final SignInLog log;
    private final MeterRegistry meters;
    private final Timer duration;
    private final SignInProperties settings;
    private final AddressRateLimiter addresses;
    private final SecondFactors secondFactors;
    private final SecondStep secondStep;
    private final Clock clock;

    ProtectedSignIn(PasswordEncoder passwords, PasswordChecks checks, DirectoryService directory, Lockout lockout, FamiliarDevices devices,
            SignInLog log, MeterRegistry meters, SignInProperties settings, SecondFactors secondFactors,
            SecondStep secondStep, Clock clock, RateLimits limits) {
        this.secondFactors = secondFactors;
        this.secondStep = secondStep;
        this.clock = clock;
        this.passwords = passwords;
        this.checks = checks;
        this.directory = directory;
        this.lockout = lockout;
        this.devices = devices;
        this.log = log;
        this.meters = meters;
        this.settings = settings;
        this.addresses = limits.perAddress("sign-in-failures-per-address", settings.failuresPerAddress(),
                settings.failuresWindow());
        this.duration = Timer.builder("myaccount.signin.duration").description("Time of a whole sign-in check")
                .register(meters);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        return duration.record(() -> check(attempt));
    }

    private Authentication check(Authentication attempt) {
        String upn = DirectoryService.trackable(attempt.getName());
        SignInDetails details = (SignInDetails) attempt.getDetails();
        String address = details.origin().clientAddress();
        if (!addresses.tryTake(address)) {
            meters.counter("myaccount.signin.attempts", "outcome", "throttled").increment();
            throw new SignInRefusedException(SignInRefusedException.Why.THROTTLED, settings.failuresWindow());
        }
        Optional<Account> account = directory.findByUpn(upn);
        boolean familiar = account.isPresent() && details.device()
                .map(device -> devices.isFamiliar(account.get().id(), device)).orElse(false);
        Optional<Account> usable = account.filter(PasswordChecks::usable);
        String password = String.valueOf(attempt.getCredentials());
        Lockout.Verdict verdict;
        try {
            verdict = lockout.check(upn, familiar, Lockout.Secret.PASSWORD, password,
                    () -> checks.signIn(usable, upn, password));
        } catch (HashingBusyException busy) {
            addresses.giveBack(address);
            record(upn, account, SignInOutcome.BUSY, details, familiar);
            throw new SignInRefusedException(SignInRefusedException.Why.BUSY, busy.retryAfter());
        } catch (DirectoryUnreachableException unreachable) {
            addresses.giveBack(address);
            record(upn, account, SignInOutcome.DIRECTORY_UNREACHABLE, details, familiar);
            throw new SignInRefusedException(SignInRefusedException.Why.DIRECTORY_UNREACHABLE, Duration.ZERO);
        }
        switch (verdict) {
            case RIGHT -> {
                addresses.giveBack(address);
                return signedIn(usable.orElseThrow(), password, details);
            }
            case LOCKED -> record(upn, account, SignInOutcome.LOCKED, details, familiar);
            case WRONG, WRONG_NOW_LOCKED -> record(upn, account, account.isPresent() ? SignInOutcome.WRONG_PASSWORD
                    : SignInOutcome.UNKNOWN_ACCOUNT, details, familiar);
        }
        if (verdict == Lockout.Verdict.WRONG) {
            throw new BadCredentialsException("Wrong UPN or password");
        }
        throw new SignInRefusedException(SignInRefusedException.Why.LOCKED, lockout.firstLockout(upn));
    }

    /**
     * The person signed in, or half-way when a second step is asked for (logged when that step is done); a hash
     * with weaker parameters than today's is replaced while the password is at hand.
     */
    private Authentication signedIn(Account account, String password, SignInDetails details) {
        if (checks.rehash(account)) {
            directory.upgradePasswordHash(account.id(), passwords.encode(password));
        }
        String organisationName = directory.findOrganisation(account.organisationId()).map(Organisation::name)
                .orElseThrow();
        UUID secondStepFlow = secondFactors.asked(account.id(), account.upn()) ? secondStep.start(account.id()) : null;
        if (secondStepFlow == null) {
            counted(SignInOutcome.SUCCEEDED);
        }
        SignedInPerson person = new SignedInPerson(account, organisationName, secondStepFlow, clock.instant());
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities());
        signedIn.setDetails(details);
        return signedIn;
    }

    /** A refused sign-in, counted and logged; one that succeeds is logged where it finishes (SignInCompletion). */
    private void record(String upn, Optional<Account> account, SignInOutcome outcome, SignInDetails details,
            boolean familiar) {
        counted(outcome);
        log.record(new SignInLog.Attempt(SignInDoor.SIGN_IN, upn, account.map(Account::id).orElse(null),
                account.map(Account::organisationId).orElse(null), outcome, details.origin(), familiar, null));
    }

    private void counted(SignInOutcome outcome) {
        meters.counter("myaccount.signin.attempts", "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment();
    }
}
