package dev.myaccount.signin;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the form's POST. */
@Controller
class SignInController {

    @GetMapping("/signin")
    String signIn(Principal signedIn) {
        return signedIn != null ? "redirect:/" : "signin";
    }
}
