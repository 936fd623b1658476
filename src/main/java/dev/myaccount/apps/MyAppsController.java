package dev.myaccount.apps;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.signin.SignedInPerson;

/**
 * My Account's Apps page: the apps the person signed in to with their work account, when they last did, what each
 * may see; "Revoke access" ends the app's tokens and consent and tells the app.
 */
@Controller
@RequestMapping(MyAppsController.PAGE)
class MyAppsController {

    static final String PAGE = "/apps";

    private final AppGrants grants;
    private final AuditLog audit;

    MyAppsController(AppGrants grants, AuditLog audit) {
        this.grants = grants;
        this.audit = audit;
    }

    @GetMapping
    String page(@AuthenticationPrincipal SignedInPerson person, Model model) {
        model.addAttribute("apps", grants.of(person.accountId()));
        return "apps/page";
    }

    @PostMapping("/{clientId}/revoke")
    String revoke(@PathVariable String clientId, @AuthenticationPrincipal SignedInPerson person,
            HttpServletRequest request) {
        if (!grants.revoke(person.accountId(), clientId)) {
            return "redirect:" + PAGE + "?gone";
        }
        audit.record(new AuditEvent(AuditEventType.APP_ACCESS_REVOKED, person.organisationId(), person.accountId(),
                RequestOrigin.of(request), clientId));
        return "redirect:" + PAGE + "?revoked";
    }
}
