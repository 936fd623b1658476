package dev.myaccount.reset;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.myaccount.flow.Flows;
import dev.myaccount.people.Account;
import dev.myaccount.people.Passwords;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.PersonChanged.Way;
import dev.myaccount.securityinfo.MethodCheck;
import dev.myaccount.securityinfo.MethodKind;
import dev.myaccount.securityinfo.OneTimeCodes;
import dev.myaccount.securityinfo.SignInMethod;
import dev.myaccount.securityinfo.SignInMethods;
import dev.myaccount.signin.SecretDoors;
import dev.myaccount.signin.SignInDetails;
import dev.myaccount.signin.SignInDoor;

/**
 * Self-service password reset. A reset is a flow (15 minutes, five codes, finished once) started for
 * whatever UPN was typed: an unknown or disabled account, or one without the method chosen, walks the same
 * steps and simply never gets a code that works. A right code of one of the account's methods (counted
 * toward its lockout like a sign-in's second step) lets the person choose a new password under the full
 * policy; then every session ends, the lockout clears, a notice goes to their email addresses, and the
 * reset is audited and shown on their Sign-ins page.
 */
@Service
class PasswordReset {

    private static final Logger log = LoggerFactory.getLogger(PasswordReset.class);

    static final String FLOW = "password-reset";
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final int CODES_PER_FLOW = 5;
    private static final Duration SENDING_DELAY = Duration.ofMillis(300);
    private static final int QUEUED_SENDINGS = 1000;

    enum Checked { RIGHT, WRONG, LOCKED, CLOSED }

    private final Flows flows;
    private final DirectoryService directory;
    private final SignInMethods methods;
    private final List<MethodCheck> checks;
    private final SecretDoors doors;
    private final NewPasswords newPasswords;
    private final ScheduledThreadPoolExecutor deliveries = new ScheduledThreadPoolExecutor(2);

    PasswordReset(Flows flows, DirectoryService directory, SignInMethods methods, List<MethodCheck> checks,
            SecretDoors doors, NewPasswords newPasswords) {
        this.flows = flows;
        this.directory = directory;
        this.methods = methods;
        this.checks = checks;
        this.doors = doors;
        this.newPasswords = newPasswords;
    }

    /** Starts a reset for the UPN typed; the flow knows the account only when it can be reset. */
    UUID start(String upn) {
        return flows.start(FLOW, account(upn).map(Account::id).orElse(null), LIFETIME);
    }

    boolean isOpen(UUID flow) {
        return flow != null && flows.isOpen(flow, FLOW);
    }

    /**
     * Sends a code to each of the account's methods of this kind, a moment after the page has answered: an SMTP
     * server or SMS gateway takes its time, and so does the sending itself on a busy machine, which would
     * otherwise tell who has an account with such a method. A flood beyond the queue is sent by the request.
     */
    void send(UUID flow, MethodKind kind, Locale language, String clientAddress) {
        Runnable sending = () -> {
            try {
                ownMethods(flow, kind).forEach(method -> check(kind).send(method, purpose(flow),
                        OneTimeCodes.Budget.RESET, language, clientAddress));
            } catch (RuntimeException notSent) {
                log.warn("A reset code was not sent: {}", notSent.toString());
            }
        };
        if (deliveries.getQueue().size() >= QUEUED_SENDINGS) {
            sending.run();
        } else {
            deliveries.schedule(sending, SENDING_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stopDeliveries() {
        deliveries.shutdown();
    }

    /**
     * Checks a code for the reset of {@code upnTyped}. Every code takes a place in the lockout of the UPN typed,
     * known or not, so that a lockout tells nothing about whether the account or the method exists.
     */
    Checked check(UUID flow, String upnTyped, MethodKind kind, String code, SignInDetails from) {
        List<SignInMethod> candidates = ownMethods(flow, kind);
        return check(flow, upnTyped, kind, code, from,
                () -> candidates.stream().anyMatch(method -> check(kind).check(method, purpose(flow), code)));
    }

    /**
     * Checks a passkey's answer to the challenge of this browser's session, counted like a code: right when the
     * passkey that answered ({@code holder}, the UPN it belongs to) is the reset person's.
     */
    Checked checkPasskey(UUID flow, String upnTyped, String assertion, Optional<String> holder, SignInDetails from) {
        Optional<String> owner = flows.accountOf(flow).flatMap(directory::find).map(Account::upn);
        return check(flow, upnTyped, MethodKind.PASSKEY, assertion, from,
                () -> holder.isPresent() && holder.equals(owner));
    }

    private Checked check(UUID flow, String upnTyped, MethodKind kind, String secret, SignInDetails from,
            BooleanSupplier right) {
        if (!flows.tryAttempt(flow, FLOW, CODES_PER_FLOW)) {
            return Checked.CLOSED;
        }
        Optional<Account> account = flows.accountOf(flow).flatMap(directory::find);
        SecretDoors.Answer answer = account.isEmpty()
                ? doors.wrongForUnknown(SignInDoor.RESET, kind.name(), upnTyped, secret, from, right::getAsBoolean)
                : doors.check(SignInDoor.RESET, kind.name(), account.get(), secret, from, right);
        return switch (answer) {
            case RIGHT -> Checked.RIGHT;
            case WRONG -> Checked.WRONG;
            case LOCKED -> Checked.LOCKED;
        };
    }

    /** The account a proven reset is for. */
    Account account(UUID flow) {
        return flows.accountOf(flow).flatMap(directory::find).orElseThrow();
    }

    /** Sets the new password and finishes the flow, or says why not (finished or expired meanwhile, or refused). */
    Passwords.Stored finish(UUID flow, Set<MethodKind> kinds, String password, SignInDetails from) {
        String proven = kinds.stream().map(MethodKind::slug).sorted().collect(Collectors.joining(","));
        Account account = account(flow);
        Passwords.Stored stored = newPasswords.set(flow, FLOW, account, password, Way.RESET, proven, from.origin());
        if (stored.done()) {
            doors.succeeded(SignInDoor.RESET, kinds.iterator().next().name(), account, from);
        }
        return stored;
    }

    private Optional<Account> account(String upn) {
        return directory.findByUpn(upn).filter(Account::enabled);
    }

    private List<SignInMethod> ownMethods(UUID flow, MethodKind kind) {
        return flows.accountOf(flow).map(account -> methods.of(account).stream()
                .filter(method -> method.kind() == kind).toList()).orElse(List.of());
    }

    private MethodCheck check(MethodKind kind) {
        return checks.stream().filter(check -> check.kind() == kind).findFirst().orElseThrow();
    }

    private static String purpose(UUID flow) {
        return "reset:" + flow;
    }
}
