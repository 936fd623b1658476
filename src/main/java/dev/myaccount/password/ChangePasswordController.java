package dev.myaccount.password;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.myaccount.policy.LiveCheck;
import dev.myaccount.signin.Confirmation;
import dev.myaccount.signin.SignInDetails;
import dev.myaccount.signin.SignedInPerson;

/** The Change password page, and the live check its script calls as the person types. */
@Controller
@RequestMapping("/password")
class ChangePasswordController {

    private final ChangePasswordService service;
    private final LiveCheck liveCheck;
    private final Confirmation confirmation;
    private final SignInDetails.Source browsers;

    ChangePasswordController(ChangePasswordService service, LiveCheck liveCheck, Confirmation confirmation,
            SignInDetails.Source browsers) {
        this.browsers = browsers;
        this.confirmation = confirmation;
        this.service = service;
        this.liveCheck = liveCheck;
    }

    @GetMapping
    String open(@AuthenticationPrincipal SignedInPerson person, Model model, HttpServletRequest request) {
        String back = request.getQueryString() == null ? "/password" : "/password?" + request.getQueryString();
        Optional<String> confirm = confirmation.needed(person, request, back);
        if (confirm.isPresent()) {
            return confirm.get();
        }
        model.addAttribute("form", new ChangePasswordForm(null, null, null));
        return page(person, model);
    }

    @PostMapping
    String change(@ModelAttribute("form") ChangePasswordForm form, BindingResult errors,
            @AuthenticationPrincipal SignedInPerson person, Authentication signedIn, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Optional<String> confirm = confirmation.needed(person, request, "/password");
        if (confirm.isPresent()) {
            return confirm.get();
        }
        if (!service.change(person.upn(), form, errors, browsers.buildDetails(request))) {
            return page(person, model);
        }
        // The service ended every session in the store; this keeps the request from saving its own again.
        new SecurityContextLogoutHandler().logout(request, response, signedIn);
        return "redirect:/signin?changed";
    }

    /** The page with the rules of the person's organisation, for its checklist. */
    private String page(SignedInPerson person, Model model) {
        model.addAttribute("policy", service.rules(person.upn()));
        return "password/page";
    }

    /** Evaluates a candidate for the signed-in person and stores nothing; the password travels in the body only. */
    @PostMapping(path = "/check", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> check(@RequestParam(name = "newPassword", defaultValue = "") String candidate,
            @AuthenticationPrincipal SignedInPerson person, Locale locale) {
        return liveCheck.answer(person.accountId(), () -> service.check(person.upn(), candidate), locale);
    }
}
