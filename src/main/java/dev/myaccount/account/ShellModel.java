package dev.myaccount.account;

import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.myaccount.directory.DirectoryService;
import dev.myaccount.signin.SignedInPerson;
import dev.myaccount.web.PersonalSettings;
import dev.myaccount.web.PortalProperties;

/** Gives every page of the My Account shell the signed-in person for its header, and the zone times are in. */
@ControllerAdvice
class ShellModel {

    private final PortalProperties portal;
    private final DirectoryService directory;

    ShellModel(PortalProperties portal, DirectoryService directory) {
        this.portal = portal;
        this.directory = directory;
    }

    @ModelAttribute("zone")
    ZoneId zone(HttpServletRequest request) {
        return PersonalSettings.zone(request, portal.timeZone());
    }

    /** Whether the header shows the way to the admin side; the admin side asks again on every request. */
    @ModelAttribute("admin")
    boolean admin(@AuthenticationPrincipal SignedInPerson person) {
        return person != null && directory.isAdmin(person.accountId(), person.organisationId());
    }

    @ModelAttribute("person")
    SignedInPerson person(@AuthenticationPrincipal SignedInPerson person) {
        return person;
    }
}
