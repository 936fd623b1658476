package dev.myaccount.activity;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.session.AccountSessions;
import dev.myaccount.signin.SignInLog;
import dev.myaccount.signin.SignedInPerson;
import dev.myaccount.web.PersonalSettings;
import dev.myaccount.web.PortalProperties;

/**
 * My Account's Sign-ins page: the person's own sign-ins, newest first; "Looks good" marks one, "This
 * wasn't me" also ends every other session of theirs and takes them to Change password.
 */
@Controller
@RequestMapping("/sign-ins")
class SignInsController {

    private static final int PAGE_SIZE = 20;
    private static final String REVIEWED_BEFORE = "redirect:/sign-ins?reviewed";

    private final SignInLog log;
    private final AccountSessions sessions;
    private final AuditLog audit;
    private final PortalProperties portal;

    SignInsController(SignInLog log, AccountSessions sessions, AuditLog audit, PortalProperties portal) {
        this.log = log;
        this.sessions = sessions;
        this.audit = audit;
        this.portal = portal;
    }

    record Row(SignInLog.Entry entry, ZonedDateTime at) {
    }

    @GetMapping
    String page(@AuthenticationPrincipal SignedInPerson person, @RequestParam(defaultValue = "0") int page,
            Model model, HttpServletRequest request) {
        ZoneId zone = PersonalSettings.zone(request, portal.timeZone());
        SignInLog.Page entries = log.page(person.accountId(), Math.max(page, 0), PAGE_SIZE);
        List<Row> rows = entries.entries().stream()
                .map(entry -> new Row(entry, entry.at().atZone(zone))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("page", entries.number());
        model.addAttribute("hasNext", entries.hasNext());
        return "activity/page";
    }

    @PostMapping("/{id}/looks-good")
    String looksGood(@AuthenticationPrincipal SignedInPerson person, @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request) {
        if (!reviewed(person, id, SignInLog.Review.LOOKS_GOOD, request)) {
            return REVIEWED_BEFORE;
        }
        return "redirect:/sign-ins?page=" + Math.max(page, 0);
    }

    @PostMapping("/{id}/not-me")
    String notMe(@AuthenticationPrincipal SignedInPerson person, @PathVariable UUID id, HttpServletRequest request) {
        if (!reviewed(person, id, SignInLog.Review.NOT_ME, request)) {
            return REVIEWED_BEFORE;
        }
        sessions.endAllExcept(person.accountId(), person.upn(), request.getSession().getId());
        audit.record(AuditEvent.of(AuditEventType.OTHER_SESSIONS_ENDED, person.organisationId(), person.accountId(),
                RequestOrigin.of(request)));
        return "redirect:/password?secured";
    }

    /** True when this review was recorded; false when the sign-in had one already (404 when not the person's). */
    private boolean reviewed(SignedInPerson person, UUID id, SignInLog.Review review, HttpServletRequest request) {
        return switch (log.review(person.accountId(), person.organisationId(), id, review, RequestOrigin.of(request))) {
            case REVIEWED -> true;
            case REVIEWED_BEFORE -> false;
            case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }
}
