package dev.myaccount.web;

import java.io.IOException;

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
 * of a bare 403. Anything else is the ordinary 403 page.
 */
final class ExpiredFormHandler implements AccessDeniedHandler {

    private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
    private final AuthenticationTrustResolver signedInTrust = new AuthenticationTrustResolverImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (denied instanceof CsrfException && !signedInTrust.isAuthenticated(signedIn)) {
            response.sendRedirect(request.getContextPath() + "/signin?expired");
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
