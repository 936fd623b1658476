package dev.myaccount.password;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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

import dev.myaccount.policy.PolicyCheck;
import dev.myaccount.policy.PolicySettingsStore;
import dev.myaccount.policy.PolicyVerdict;
import dev.myaccount.signin.Confirmation;
import dev.myaccount.signin.SignedInPerson;
import dev.myaccount.web.RateLimiter;

/** The Change password page, and the live check its script calls as the person types. */
@Controller
@RequestMapping("/password")
class ChangePasswordController {

    private final ChangePasswordService service;
    private final PolicySettingsStore policies;
    /** Enough for typing (20 checks in any 10 seconds), too few to test a list of guesses against the policy. */
    private final RateLimiter checkLimit = new RateLimiter(20, Duration.ofSeconds(10));
    private final MessageSource messages;
    private final Confirmation confirmation;

    ChangePasswordController(ChangePasswordService service, PolicySettingsStore policies,
            MessageSource messages, Confirmation confirmation) {
        this.confirmation = confirmation;
        this.service = service;
        this.policies = policies;
        this.messages = messages;
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
        if (!service.change(person.upn(), form, errors, request)) {
            return page(person, model);
        }
        // The service ended every session in the store; this keeps the request from saving its own again.
        new SecurityContextLogoutHandler().logout(request, response, signedIn);
        return "redirect:/signin?changed";
    }

    /** The page with the rules of the person's organisation, for its checklist. */
    private String page(SignedInPerson person, Model model) {
        model.addAttribute("policy", policies.settings(person.organisationId()));
        return "password/page";
    }

    record Reason(String code, String message) {
    }

    record CheckAnswer(boolean accepted, int strength, String strengthLabel, List<PolicyCheck> failedChecks,
            List<Reason> reasons) {
    }

    record Refusal(String message) {
    }

    /** Evaluates a candidate for the signed-in person and stores nothing; the password travels in the body only. */
    @PostMapping(path = "/check", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> check(@RequestParam(name = "newPassword", defaultValue = "") String candidate,
            @AuthenticationPrincipal SignedInPerson person, Locale locale) {
        if (!checkLimit.tryTake(person.accountId())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .body(new Refusal(messages.getMessage("password.check.tooMany", null, locale)));
        }
        PolicyVerdict verdict = service.check(person.upn(), candidate);
        List<Reason> reasons = verdict.reasons().stream()
                .map(r -> new Reason(r.code(), messages.getMessage(r.messageKey(), r.arguments().toArray(), locale)))
                .toList();
        List<PolicyCheck> failed = verdict.reasons().stream().map(r -> r.check()).distinct().toList();
        return ResponseEntity.ok(new CheckAnswer(verdict.accepted(), verdict.strength(),
                messages.getMessage("password.strength." + verdict.strength(), null, locale), failed, reasons));
    }
}
