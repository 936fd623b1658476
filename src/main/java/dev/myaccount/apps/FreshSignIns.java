package dev.myaccount.apps;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.stereotype.Component;

import dev.myaccount.people.SecondFactors;
import dev.myaccount.signin.Confirmation;
import dev.myaccount.signin.SignInFacts;
import dev.myaccount.signin.SignedInPerson;
import dev.myaccount.web.Access;

/**
 * What an app may ask of the sign-in behind its grant (OpenID Connect Core 3.1.2.1): {@code prompt=login}, a
 * sign-in made for this request; {@code max_age}, one no older than that; {@code acr_values} naming multi-factor, a
 * second step when the person has a method for one. A person whose sign-in does not do confirms who they are (the
 * portal's own page, password and second step) and comes back to the request. When a fresh sign-in is first
 * asked for, the session notes the time; a proof after it is fresh.
 */
@Component
class FreshSignIns implements AccessDeniedHandler {

    private static final String ASKED_AT = FreshSignIns.class.getName() + ".askedAt";
    private static final Set<String> MULTI_FACTOR = Set.of("mfa",
            "http://schemas.openid.net/pape/policies/2007/06/multi-factor");

    private final SecondFactors secondFactors;
    private final Confirmation confirmation;
    private final Clock clock;

    FreshSignIns(SecondFactors secondFactors, Confirmation confirmation, Clock clock) {
        this.secondFactors = secondFactors;
        this.confirmation = confirmation;
        this.clock = clock;
    }

    /** For a person not signed in: a sign-in they make from now on is fresh. */
    void noteAsked(HttpServletRequest request) {
        if (asksFresh(request, null)) {
            HttpSession session = request.getSession();
            if (session.getAttribute(ASKED_AT) == null) {
                session.setAttribute(ASKED_AT, clock.instant());
            }
        }
    }

    /** Whether the sign-in behind the request's session is what the request asks of it. */
    boolean satisfied(HttpServletRequest request, SignedInPerson person, SignInFacts facts) {
        if (asksFresh(request, facts)) {
            HttpSession session = request.getSession();
            Instant askedAt = (Instant) session.getAttribute(ASKED_AT);
            if (askedAt == null || facts.at().isBefore(askedAt)) {
                session.setAttribute(ASKED_AT, askedAt == null ? clock.instant() : askedAt);
                return false;
            }
            session.removeAttribute(ASKED_AT);
        }
        String acr = request.getParameter("acr_values");
        boolean multiFactor = acr != null && List.of(acr.split(" ")).stream().anyMatch(MULTI_FACTOR::contains);
        return !multiFactor || facts.methods().contains("mfa")
                || !secondFactors.asked(person.accountId(), person.upn());
    }

    private boolean asksFresh(HttpServletRequest request, SignInFacts facts) {
        String prompt = request.getParameter("prompt");
        if (prompt != null && List.of(prompt.split(" ")).contains("login")) {
            return true;
        }
        String maxAge = request.getParameter("max_age");
        if (maxAge == null || !maxAge.matches("\\d{1,9}")) {
            return false;
        }
        return facts == null || facts.at().plus(Duration.ofSeconds(Long.parseLong(maxAge))).isBefore(clock.instant());
    }

    /**
     * A person refused an app's sign-in: one half-way through signing in goes to the step they have not done, one who
     * must change their password to that page, and anyone else confirms who they are now. Any other request refused
     * on the authorization server's endpoints is a plain 403.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!AppsSecurity.AUTHORIZE.equals(request.getServletPath())) {
            new AccessDeniedHandlerImpl().handle(request, response, denied);
            return;
        }
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        SignedInPerson person = signedIn != null && signedIn.getPrincipal() instanceof SignedInPerson found ? found
                : null;
        if (person == null || signedIn.getAuthorities().stream()
                .noneMatch(authority -> Access.SIGNED_IN.equals(authority.getAuthority()))) {
            response.sendRedirect(request.getContextPath() + Access.SECOND_STEP);
            return;
        }
        if (person.mustChangePassword()) {
            response.sendRedirect(request.getContextPath() + "/password");
            return;
        }
        String query = request.getQueryString();
        String back = request.getServletPath() + (query == null ? "" : "?" + query);
        response.sendRedirect(request.getContextPath() + confirmation.askNow(request, back));
    }
}
