package dev.myaccount.reset;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
import dev.myaccount.directory.Account;
import dev.myaccount.directory.DirectoryService;
import dev.myaccount.directory.Organisation;
import dev.myaccount.flow.Flows;
import dev.myaccount.notification.Notifier;
import dev.myaccount.policy.PasswordPolicy;
import dev.myaccount.policy.PolicyReason;
import dev.myaccount.policy.PolicySettings;
import dev.myaccount.policy.PolicySettingsStore;
import dev.myaccount.securityinfo.MethodCheck;
import dev.myaccount.securityinfo.MethodKind;
import dev.myaccount.securityinfo.SignInMethod;
import dev.myaccount.securityinfo.SignInMethods;
import dev.myaccount.session.AccountSessions;
import dev.myaccount.signin.SecretDoors;
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

    static final String FLOW = "password-reset";
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final int CODES_PER_FLOW = 5;

    enum Checked { RIGHT, WRONG, LOCKED, CLOSED }

    private final Flows flows;
    private final DirectoryService directory;
    private final SignInMethods methods;
    private final List<MethodCheck> checks;
    private final SecretDoors doors;
    private final PasswordPolicy policy;
    private final PolicySettingsStore policies;
    private final PasswordEncoder passwords;
    private final PasswordHistory history;
    private final AccountSessions sessions;
    private final AuditLog audit;
    private final Notifier notifier;
    private final MessageSource messages;
    private final TransactionTemplate transaction;

    PasswordReset(Flows flows, DirectoryService directory, SignInMethods methods, List<MethodCheck> checks,
            SecretDoors doors, PasswordPolicy policy, PolicySettingsStore policies, PasswordEncoder passwords,
            PasswordHistory history, AccountSessions sessions, AuditLog audit, Notifier notifier,
            MessageSource messages, TransactionTemplate transaction) {
        this.flows = flows;
        this.directory = directory;
        this.methods = methods;
        this.checks = checks;
        this.doors = doors;
        this.policy = policy;
        this.policies = policies;
        this.passwords = passwords;
        this.history = history;
        this.sessions = sessions;
        this.audit = audit;
        this.notifier = notifier;
        this.messages = messages;
        this.transaction = transaction;
    }

    /** Starts a reset for the UPN typed; the flow knows the account only when it can be reset. */
    UUID start(String upn) {
        return flows.start(FLOW, account(upn).map(Account::id).orElse(null), LIFETIME);
    }

    boolean isOpen(UUID flow) {
        return flow != null && flows.isOpen(flow, FLOW);
    }

    /** Sends a code to each of the account's methods of this kind; does nothing, looking the same, otherwise. */
    void send(UUID flow, MethodKind kind, Locale language, String clientAddress) {
        ownMethods(flow, kind).forEach(method -> check(kind).send(method, purpose(flow), language, clientAddress));
    }

    /**
     * Checks a code for the reset of {@code upnTyped}. Every code takes a place in the lockout of the UPN typed,
     * known or not, so that a lockout tells nothing about whether the account or the method exists.
     */
    Checked check(UUID flow, String upnTyped, MethodKind kind, String code, HttpServletRequest request) {
        if (!flows.tryAttempt(flow, FLOW, CODES_PER_FLOW)) {
            return Checked.CLOSED;
        }
        Optional<Account> account = flows.accountOf(flow).flatMap(directory::find);
        List<SignInMethod> candidates = ownMethods(flow, kind);
        SecretDoors.Answer answer = account.isEmpty() ? doors.wrongForUnknown(upnTyped, code)
                : doors.check(SignInDoor.RESET, kind.name(), account.get(), code, request,
                        () -> candidates.stream().anyMatch(method -> check(kind).check(method, purpose(flow), code)));
        return switch (answer) {
            case RIGHT -> Checked.RIGHT;
            case WRONG -> Checked.WRONG;
            case LOCKED -> Checked.LOCKED;
        };
    }

    /** The policy's reasons against {@code password} for the flow's account; empty when it is acceptable. */
    List<PolicyReason> refusals(UUID flow, String password) {
        Account account = flows.accountOf(flow).flatMap(directory::find).orElseThrow();
        PolicySettings settings = policies.settings(account.organisationId());
        Organisation organisation = directory.findOrganisation(account.organisationId()).orElseThrow();
        return policy.evaluate(password, policies.contextFor(account, organisation, settings,
                candidate -> history.usedBefore(account.id(), candidate, settings.historyCount()))).reasons();
    }

    /** Sets the new password and finishes the flow; false when the flow was finished or expired meanwhile. */
    boolean finish(UUID flow, Set<MethodKind> kinds, String password, Locale language, HttpServletRequest request) {
        String proven = kinds.stream().map(MethodKind::slug).sorted().collect(Collectors.joining(","));
        Account account = flows.accountOf(flow).flatMap(directory::find).orElseThrow();
        int keep = policies.settings(account.organisationId()).historyCount();
        String hash = passwords.encode(password);
        Boolean done = transaction.execute(status -> {
            if (!flows.finish(flow, FLOW)) {
                return false;
            }
            history.remember(account.id(), account.passwordHash(), keep);
            directory.setPassword(account.id(), hash);
            audit.record(new AuditEvent(AuditEventType.PASSWORD_RESET, account.organisationId(), account.id(),
                    RequestOrigin.of(request), proven));
            return true;
        });
        if (!Boolean.TRUE.equals(done)) {
            return false;
        }
        sessions.endAll(account.upn());
        doors.unlock(account);
        doors.succeeded(SignInDoor.RESET, kinds.iterator().next().name(), account, request);
        methods.of(account.id()).stream().filter(method -> method.kind() == MethodKind.EMAIL)
                .forEach(method -> notifier.email(method.secret(),
                        messages.getMessage("reset.notice.subject", null, language),
                        messages.getMessage("reset.notice.text", new Object[] {account.upn()}, language)));
        return true;
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
