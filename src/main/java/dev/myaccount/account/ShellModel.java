package dev.myaccount.account;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.myaccount.signin.SignedInPerson;

/** Gives every page of the My Account shell the signed-in person for its header. */
@ControllerAdvice
class ShellModel {

    @ModelAttribute("person")
    SignedInPerson person(@AuthenticationPrincipal SignedInPerson person) {
        return person;
    }
}
