package dev.myaccount.signin;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import dev.myaccount.flow.Flows;
import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;

/**
 * The step after a right password that asks for a code of one of the person's sign-in methods: at sign-in,
 * and when they confirm who they are before a sensitive change. Each is a flow that expires, allows a few
 * codes and is finished once; each code takes its place in the account's smart lockout before it is
 * checked. The right code signs the person in fully under a new session id (or marks them confirmed) and
 * sends them where they were going.
 */
@Component
public class SecondStep {

    /** Why the step is asked for, with the flow kind it runs as. */
    public enum Purpose {
        SIGN_IN("second-factor"), CONFIRM("confirm-identity");

        private final String flowKind;

        Purpose(String flowKind) {
            this.flowKind = flowKind;
        }
    }

    public enum Answer { RIGHT, WRONG, LOCKED, CLOSED }

    private static final String CONFIRM_FLOW = SecondStep.class.getName() + ".confirmFlow";

    private final Flows flows;
    private final SecretDoors doors;
    private final DirectoryService directory;
    private final SignInCompletion completion;
    private final SignInDetails.Source browsers;
    private final SecurityContextRepository contexts;
    private final SignInSuccessHandler signedIn;
    private final SignInProperties settings;
    private final Clock clock;

    SecondStep(Flows flows, SecretDoors doors, DirectoryService directory, SignInCompletion completion,
            SignInDetails.Source browsers, SecurityContextRepository contexts, SignInSuccessHandler signedIn,
            SignInProperties settings, Clock clock) {
        this.flows = flows;
        this.doors = doors;
        this.directory = directory;
        this.completion = completion;
        this.browsers = browsers;
        this.contexts = contexts;
        this.signedIn = signedIn;
        this.settings = settings;
        this.clock = clock;
    }

    UUID start(UUID accountId) {
        return flows.start(Purpose.SIGN_IN.flowKind, accountId, settings.secondStepLifetime());
    }

    /** Starts the confirmation's step in this browser's session. */
    void startConfirmation(UUID accountId, HttpServletRequest request) {
        request.getSession().setAttribute(CONFIRM_FLOW,
                flows.start(Purpose.CONFIRM.flowKind, accountId, settings.secondStepLifetime()));
    }

    public boolean isOpen(Purpose purpose, SignedInPerson person, HttpServletRequest request) {
        return flow(purpose, person, request).map(flow -> flows.isOpen(flow, purpose.flowKind)).orElse(false);
    }

    /**
     * Checks {@code code} of the person's method of kind {@code method} with {@code check}. When it is right,
     * the step is done and the response already sent on.
     */
    public Answer check(Purpose purpose, SignedInPerson person, String method, String code, BooleanSupplier check,
            HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Optional<UUID> flow = flow(purpose, person, request);
        Account account = directory.find(person.accountId()).filter(Account::enabled).orElse(null);
        if (account == null || flow.isEmpty()
                || !flows.tryAttempt(flow.get(), purpose.flowKind, settings.secondStepAttempts())) {
            return Answer.CLOSED;
        }
        SignInDoor door = purpose == Purpose.SIGN_IN ? SignInDoor.SECOND_FACTOR : SignInDoor.CONFIRM_IDENTITY;
        return switch (doors.check(door, method, account, code, browsers.buildDetails(request), check)) {
            case WRONG -> Answer.WRONG;
            case LOCKED -> Answer.LOCKED;
            case RIGHT -> {
                if (!flows.finish(flow.get(), purpose.flowKind)) {
                    yield Answer.CLOSED;
                }
                if (purpose == Purpose.SIGN_IN) {
                    signIn(person, method, request, response);
                } else {
                    request.getSession().removeAttribute(CONFIRM_FLOW);
                    replacePerson(person, request, response);
                    SignInFacts.renew(request, method, clock.instant());
                    response.sendRedirect(request.getContextPath() + Confirmation.takeReturnPath(request));
                }
                yield Answer.RIGHT;
            }
        };
    }

    /** Ends a half-done sign-in (its session and flow), or gives up a confirmation (its flow only). */
    public void abandon(Purpose purpose, SignedInPerson person, HttpServletRequest request,
            HttpServletResponse response) {
        flow(purpose, person, request).ifPresent(flow -> flows.finish(flow, purpose.flowKind));
        if (purpose == Purpose.SIGN_IN) {
            new SecurityContextLogoutHandler().logout(request, response,
                    SecurityContextHolder.getContext().getAuthentication());
        } else {
            request.getSession().removeAttribute(CONFIRM_FLOW);
        }
    }

    /**
     * What a code sent in this step is for: this flow of this browser and this method only, so that a code sent to
     * one sign-in (or confirmation) cannot finish another of the same person.
     */
    public String codePurpose(Purpose purpose, SignedInPerson person, UUID methodId, HttpServletRequest request) {
        return purpose.name().toLowerCase(Locale.ROOT) + ":" + flow(purpose, person, request).map(UUID::toString)
                .orElse("none") + ":" + methodId;
    }

    private Optional<UUID> flow(Purpose purpose, SignedInPerson person, HttpServletRequest request) {
        if (purpose == Purpose.SIGN_IN) {
            return person.secondFactorFlow();
        }
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null : (UUID) session.getAttribute(CONFIRM_FLOW));
    }

    private void signIn(SignedInPerson person, String method, HttpServletRequest request,
            HttpServletResponse response) throws IOException, ServletException {
        Authentication confirmed = replacePerson(person, request, response);
        completion.finish((SignedInPerson) confirmed.getPrincipal(), SignInDoor.SIGN_IN, method, request, response);
        signedIn.sendOn(request, response, confirmed);
    }

    /** Puts the person, confirmed now, in place of the one in the session; returns the new authentication. */
    Authentication replacePerson(SignedInPerson person, HttpServletRequest request, HttpServletResponse response) {
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        SignedInPerson confirmed = person.confirmed(clock.instant());
        var after = UsernamePasswordAuthenticationToken.authenticated(confirmed, null, confirmed.getAuthorities());
        after.setDetails(before.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(after);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return after;
    }
}
