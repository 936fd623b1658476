package dev.myaccount.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A person half-way through signing in who asks for any page is sent to the step they have not done.
 * A form whose CSRF token no longer matches was mostly left open while its session ended (signed out,
 * password changed elsewhere, timed out): send the person to sign in again with a word of why, instead
 * of a bare 403; a form of a reset or a first sign-in begins that journey again. Anything else is the
 * ordinary 403 page.
 */
final class ExpiredFormHandler implements AccessDeniedHandler {

    /** The journeys of people who are not signed in, by their first page. */
    private static final List<String> JOURNEYS = List.of("/reset", "/access-pass");

    private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
    private final AuthenticationTrustResolver signedInTrust = new AuthenticationTrustResolverImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (denied instanceof CsrfException && !signedInTrust.isAuthenticated(signedIn)) {
            String path = request.getServletPath();
            String start = JOURNEYS.stream().filter(first -> path.equals(first) || path.startsWith(first + "/"))
                    .findFirst().orElse("/signin");
            response.sendRedirect(request.getContextPath() + start + "?expired");
            return;
        }
        if (signedInTrust.isAuthenticated(signedIn) && signedIn.getAuthorities().stream()
                .noneMatch(authority -> Access.SIGNED_IN.equals(authority.getAuthority()))) {
            response.sendRedirect(request.getContextPath() + Access.SECOND_STEP);
            return;
        }
        forbidden.handle(request, response, denied);
    }
}
