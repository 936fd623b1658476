package dev.myaccount.signin;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;

/** Records the sign-in, then sends a person who must change their password straight to that page. */
@Component
class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final AuditLog audit;

    SignInSuccessHandler(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        SignedInPerson person = (SignedInPerson) authentication.getPrincipal();
        audit.record(AuditEvent.of(AuditEventType.SIGN_IN_SUCCEEDED, person.organisationId(), person.accountId(),
                RequestOrigin.of(request)));
        if (person.mustChangePassword()) {
            getRedirectStrategy().sendRedirect(request, response, "/password");
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
