package dev.myaccount.organizations;

import java.util.Optional;
import java.util.UUID;

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
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Membership;
import dev.myaccount.signin.SignedInPerson;

/**
 * The Organizations page: the person's home organisation and those they are a guest of, with their role;
 * a guest membership can be left after a confirmation, the home organisation cannot.
 */
@Controller
@RequestMapping(OrganizationsController.PAGE)
class OrganizationsController {

    static final String PAGE = "/organizations";

    private final DirectoryService directory;
    private final AuditLog audit;

    OrganizationsController(DirectoryService directory, AuditLog audit) {
        this.directory = directory;
        this.audit = audit;
    }

    @GetMapping
    String page(@AuthenticationPrincipal SignedInPerson person, Model model) {
        model.addAttribute("memberships", directory.memberships(person.accountId()));
        return "organizations/page";
    }

    @GetMapping("/{id}/leave")
    String askLeave(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson person, Model model) {
        Optional<Membership> guest = guestMembership(person, id);
        if (guest.isEmpty()) {
            return "redirect:" + PAGE + "?notguest";
        }
        model.addAttribute("membership", guest.get());
        return "organizations/leave";
    }

    @PostMapping("/{id}/leave")
    String leave(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson person, HttpServletRequest request) {
        if (!directory.leave(person.accountId(), id)) {
            return "redirect:" + PAGE + "?notguest";
        }
        audit.record(new AuditEvent(AuditEventType.ORGANISATION_LEFT, person.organisationId(), person.accountId(),
                RequestOrigin.of(request), id.toString()));
        return "redirect:" + PAGE + "?left";
    }

    private Optional<Membership> guestMembership(SignedInPerson person, UUID organisationId) {
        return directory.memberships(person.accountId()).stream()
                .filter(membership -> !membership.home() && membership.organisation().id().equals(organisationId))
                .findFirst();
    }
}
