package dev.myaccount.devices;

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
import dev.myaccount.session.AccountSessions;
import dev.myaccount.signin.SignedInPerson;

/**
 * The Devices page: every browser signed in to the person's account, with its system, address, sign-in
 * and last activity; "Sign out" ends one at once on every node, "Sign out everywhere else" all but this one.
 */
@Controller
@RequestMapping(DevicesController.PAGE)
class DevicesController {

    static final String PAGE = "/devices";

    private final AccountSessions sessions;
    private final AuditLog audit;

    DevicesController(AccountSessions sessions, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    @GetMapping
    String page(@AuthenticationPrincipal SignedInPerson person, Model model, HttpServletRequest request) {
        model.addAttribute("devices", sessions.devices(person.upn(), request.getSession().getId()));
        return "devices/page";
    }

    @PostMapping("/{handle}/sign-out")
    String signOut(@PathVariable String handle, @AuthenticationPrincipal SignedInPerson person,
            HttpServletRequest request) {
        if (!sessions.end(person.upn(), handle, request.getSession().getId())) {
            return "redirect:" + PAGE + "?gone";
        }
        audit.record(AuditEvent.of(AuditEventType.DEVICE_SIGNED_OUT, person.organisationId(), person.accountId(),
                RequestOrigin.of(request)));
        return "redirect:" + PAGE + "?signedout";
    }

    @PostMapping("/sign-out-others")
    String signOutOthers(@AuthenticationPrincipal SignedInPerson person, HttpServletRequest request) {
        int ended = sessions.endAllExcept(person.accountId(), person.upn(), request.getSession().getId());
        audit.record(new AuditEvent(AuditEventType.OTHER_SESSIONS_ENDED, person.organisationId(), person.accountId(),
                RequestOrigin.of(request), String.valueOf(ended)));
        return "redirect:" + PAGE + "?othersout";
    }
}
