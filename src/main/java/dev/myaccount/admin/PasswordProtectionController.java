package dev.myaccount.admin;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.policy.PolicyVerdict;
import dev.myaccount.signin.SignedInPerson;

/** The admin's Password protection page: the policy's numbers, the banned terms, and "try a password". */
@Controller
@RequestMapping(PasswordProtectionController.PAGE)
class PasswordProtectionController {

    static final String PAGE = AdminAccess.ROOT + "/password-protection";

    private final PasswordProtection protection;
    private final MessageSource messages;

    PasswordProtectionController(PasswordProtection protection, MessageSource messages) {
        this.protection = protection;
        this.messages = messages;
    }

    @GetMapping
    String page(@RequestParam(required = false) String saved, @AuthenticationPrincipal SignedInPerson admin,
            Model model) {
        model.addAttribute("saved", saved != null);
        return page(protection.current(admin), List.of(), model);
    }

    @PostMapping
    String save(@ModelAttribute PasswordProtection.Form form, @AuthenticationPrincipal SignedInPerson admin,
            Model model, HttpServletRequest request) {
        List<PasswordProtection.Problem> problems = protection.save(admin, form, RequestOrigin.of(request));
        return problems.isEmpty() ? "redirect:" + PAGE + "?saved" : page(form, problems, model);
    }

    /** Says what the saved policy makes of a password; the password is neither stored nor shown again. */
    @PostMapping("/try")
    String trial(@RequestParam(defaultValue = "") String password, @AuthenticationPrincipal SignedInPerson admin,
            Model model, Locale language) {
        if (!password.isEmpty()) {
            PolicyVerdict verdict = protection.trial(admin, password);
            model.addAttribute("trialAccepted", verdict.accepted());
            model.addAttribute("trialReasons", verdict.reasons().stream()
                    .map(reason -> messages.getMessage(reason.messageKey(), reason.arguments().toArray(), language))
                    .toList());
        }
        return page(protection.current(admin), List.of(), model);
    }

    private static String page(PasswordProtection.Form form, List<PasswordProtection.Problem> problems, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("limits", new Object[] {PasswordProtection.SHORTEST_MINIMUM,
            PasswordProtection.LONGEST_MINIMUM, PasswordProtection.LONGEST_MAXIMUM, PasswordProtection.MOST_HISTORY,
            PasswordProtection.STRONGEST});
        return "admin/password-protection";
    }
}
