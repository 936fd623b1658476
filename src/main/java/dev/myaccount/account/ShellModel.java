package dev.myaccount.account;

import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.myaccount.signin.SignedInPerson;
import dev.myaccount.web.PersonalSettings;
import dev.myaccount.web.PortalProperties;

/** Gives every page of the My Account shell the signed-in person for its header, and the zone times are in. */
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

    @ModelAttribute("person")
    SignedInPerson person(@AuthenticationPrincipal SignedInPerson person) {
        return person;
    }
}
