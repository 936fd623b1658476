package dev.myaccount.signin;

import java.util.Locale;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.myaccount.credential.HashingBusyException;
import dev.myaccount.directory.Account;
import dev.myaccount.directory.DirectoryService;
import dev.myaccount.web.RateLimiter;

/**
 * The sign-in check around Spring Security's password check: a limit per client address and smart
 * lockout before it (no hash is spent on a locked UPN), counting after it, a log entry for every attempt
 * that reaches an account's lockout, and a polite refusal when hashing is too busy. An unknown UPN walks the same path as a wrong password, dummy hash included.
 */
@Component
class ProtectedSignIn implements AuthenticationProvider {

    private static final int LONGEST_UPN = 320;
    private static final int REPLACEMENT = 0xFFFD;

    private final DaoAuthenticationProvider passwords;
    private final DirectoryService directory;
    private final Lockout lockout;
    private final FamiliarDevices devices;
    private final SignInLog log;
    private final MeterRegistry meters;
    private final Timer duration;
    private final Counter lockouts;
    private final SignInProperties settings;
    private final RateLimiter addresses;

    ProtectedSignIn(AccountUserDetailsService accounts, PasswordEncoder passwordEncoder, DirectoryService directory,
            Lockout lockout, FamiliarDevices devices, SignInLog log, MeterRegistry meters, SignInProperties settings) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(passwordEncoder);
        passwords.setUserDetailsPasswordService(accounts);
        this.directory = directory;
        this.lockout = lockout;
        this.devices = devices;
        this.log = log;
        this.meters = meters;
        this.settings = settings;
        this.addresses = new RateLimiter(settings.attemptsPerAddress(), settings.attemptsWindow());
        this.duration = Timer.builder("myaccount.signin.duration").description("Time of a whole sign-in check")
                .register(meters);
        this.lockouts = Counter.builder("myaccount.signin.lockouts").description("Lockouts begun").register(meters);
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
        String upn = trackable(DirectoryService.canonical(attempt.getName()));
        SignInDetails details = (SignInDetails) attempt.getDetails();
        if (!addresses.tryTake(details.origin().clientAddress())) {
            meters.counter("myaccount.signin.attempts", "outcome", "throttled").increment();
            throw new SignInRefusedException(SignInRefusedException.Why.THROTTLED, settings.attemptsWindow());
        }
        Optional<Account> account = directory.findByUpn(upn);
        boolean familiar = account.isPresent() && details.device()
                .map(device -> devices.isFamiliar(account.get().id(), device)).orElse(false);
        if (lockout.isLocked(upn, familiar)) {
            record(upn, account, SignInOutcome.LOCKED, details, familiar);
            throw new SignInRefusedException(SignInRefusedException.Why.LOCKED, settings.lockoutDuration());
        }
        try {
            var tracked = UsernamePasswordAuthenticationToken.unauthenticated(upn, attempt.getCredentials());
            tracked.setDetails(details);
            Authentication signedIn = passwords.authenticate(tracked);
            lockout.recordSuccess(upn, familiar);
            record(upn, account, SignInOutcome.SUCCEEDED, details, familiar);
            return signedIn;
        } catch (HashingBusyException busy) {
            throw busy(upn, account, details, familiar, busy);
        } catch (InternalAuthenticationServiceException e) {
            if (e.getCause() instanceof HashingBusyException busy) {
                throw busy(upn, account, details, familiar, busy);
            }
            throw e;
        } catch (AuthenticationException wrong) {
            boolean lockedNow = lockout.recordFailure(upn, familiar, String.valueOf(attempt.getCredentials()));
            record(upn, account, account.isPresent() ? SignInOutcome.WRONG_PASSWORD : SignInOutcome.UNKNOWN_ACCOUNT,
                    details, familiar);
            if (lockedNow) {
                lockouts.increment();
                throw new SignInRefusedException(SignInRefusedException.Why.LOCKED, settings.lockoutDuration());
            }
            throw new BadCredentialsException("Wrong UPN or password");
        }
    }

    /**
     * No account has a UPN longer than 320 characters or with control characters in it; a made-up one is cut
     * to that length and its control characters replaced (PostgreSQL stores no NUL), so that it is tracked
     * like any other unknown UPN.
     */
    private static String trackable(String typed) {
        String cut = typed.length() > LONGEST_UPN ? typed.substring(0, LONGEST_UPN) : typed;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? REPLACEMENT : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private SignInRefusedException busy(String upn, Optional<Account> account, SignInDetails details,
            boolean familiar, HashingBusyException busy) {
        record(upn, account, SignInOutcome.BUSY, details, familiar);
        return new SignInRefusedException(SignInRefusedException.Why.BUSY, busy.retryAfter());
    }

    private void record(String upn, Optional<Account> account, SignInOutcome outcome, SignInDetails details,
            boolean familiar) {
        meters.counter("myaccount.signin.attempts", "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment();
        log.record(new SignInLog.Attempt(upn, account.map(Account::id).orElse(null),
                account.map(Account::organisationId).orElse(null), outcome, details.origin(), familiar));
    }
}
