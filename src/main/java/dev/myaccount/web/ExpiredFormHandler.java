package dev.myaccount.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form whose CSRF token no longer matches was mostly left open while its session ended (signed out,
 * password changed elsewhere, timed out): send the person to sign in again with a word of why, instead
 * of a bare 403. Anything else is the ordinary 403 page.
 */
final class ExpiredFormHandler implements AccessDeniedHandler {

    private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (denied instanceof CsrfException && request.getUserPrincipal() == null) {
            response.sendRedirect(request.getContextPath() + "/signin?expired");
            return;
        }
        forbidden.handle(request, response, denied);
    }
}
