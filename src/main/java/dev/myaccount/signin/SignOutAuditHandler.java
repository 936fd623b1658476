package dev.myaccount.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;

/** Records a sign-out in the audit log. */
@Component
class SignOutAuditHandler implements LogoutHandler {

    private final AuditLog audit;

    SignOutAuditHandler(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof SignedInPerson person) {
            audit.record(AuditEvent.of(AuditEventType.SIGNED_OUT, person.organisationId(), person.accountId(),
                    RequestOrigin.of(request)));
        }
    }
}
