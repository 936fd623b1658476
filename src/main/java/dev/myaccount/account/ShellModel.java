package dev.myaccount.account;

import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.myaccount.signin.SignedInPerson;
import dev.myaccount.web.PersonalSettings;
import dev.myaccount.web.PortalProperties;

/**
 * Gives every page of the My Account shell the signed-in person for its header, the page's path for its language
 * switch, and the zone times are in.
 */
@ControllerAdvice
class ShellModel {

    private final PortalProperties portal;

    ShellModel(PortalProperties portal) {
        this.portal = portal;
    }

    @ModelAttribute("zone")
    ZoneId zone(HttpServletRequest request) {
        return PersonalSettings.zone(request, portal.timeZone());
    }

    /** The page's path, where the header's language switch comes back to. */
    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("person")
    SignedInPerson person(@AuthenticationPrincipal SignedInPerson person) {
        return person;
    }
}
