package dev.myaccount.signin;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

import dev.myaccount.people.SecondFactors;

/**
 * Sensitive changes (the password, security info) need a recent sign-in; a person whose sign-in is older
 * confirms who they are first (password, then a second step when they have a method) and comes back to
 * where they were.
 */
@Component
public class Confirmation {

    static final String PAGE = "/confirm";
    private static final String RETURN_PATH = Confirmation.class.getName() + ".returnPath";

    private final SecondFactors secondFactors;
    private final SecondStep secondStep;
    private final SignInProperties settings;
    private final Clock clock;

    Confirmation(SecondFactors secondFactors, SecondStep secondStep, SignInProperties settings, Clock clock) {
        this.secondFactors = secondFactors;
        this.secondStep = secondStep;
        this.settings = settings;
        this.clock = clock;
    }

    public boolean isRecent(SignedInPerson person) {
        return person.confirmedAt().plus(settings.confirmationAge()).isAfter(clock.instant());
    }

    /**
     * The view that sends the person to confirm who they are, remembering {@code returnPath} (a path of the
     * portal's own) for afterwards; empty when their sign-in is recent enough.
     */
    public Optional<String> needed(SignedInPerson person, HttpServletRequest request, String returnPath) {
        if (isRecent(person)) {
            return Optional.empty();
        }
        request.getSession().setAttribute(RETURN_PATH, returnPath);
        return Optional.of("redirect:" + PAGE);
    }

    /**
     * The path that has the person confirm who they are now, however recently they did, and come back to
     * {@code returnPath} (a path of the portal's own): an app asked for a fresh sign-in.
     */
    public String askNow(HttpServletRequest request, String returnPath) {
        request.getSession().setAttribute(RETURN_PATH, returnPath);
        return PAGE;
    }

    /** After a right password: the second step, or done when the person has no method for one. */
    void passwordRight(SignedInPerson person, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (secondFactors.asked(person.accountId(), person.upn())) {
            secondStep.startConfirmation(person.accountId(), request);
            response.sendRedirect(request.getContextPath() + PAGE + "/verify");
            return;
        }
        secondStep.replacePerson(person, request, response);
        SignInFacts.renew(request, null, clock.instant());
        response.sendRedirect(request.getContextPath() + takeReturnPath(request));
    }

    /** Where the person was going; My Account's overview when nothing was remembered. */
    static String takeReturnPath(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object path = session == null ? null : session.getAttribute(RETURN_PATH);
        if (session != null) {
            session.removeAttribute(RETURN_PATH);
        }
        return path instanceof String returnPath && returnPath.startsWith("/") && !returnPath.startsWith("//")
                ? returnPath : "/";
    }
}
