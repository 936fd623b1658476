package dev.myaccount.password;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.policy.PasswordPolicy;
import dev.myaccount.policy.PolicyProperties;

/** The Change password page. */
@Controller
@RequestMapping("/password")
class ChangePasswordController {

    private final ChangePasswordService service;
    private final PasswordPolicy policy;

    ChangePasswordController(ChangePasswordService service, PasswordPolicy policy) {
        this.service = service;
        this.policy = policy;
    }

    @ModelAttribute("policy")
    PolicyProperties policy() {
        return policy.settings();
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("form", new ChangePasswordForm(null, null, null));
        return "password";
    }

    @PostMapping
    String change(@ModelAttribute("form") ChangePasswordForm form, BindingResult errors, Authentication signedIn,
            HttpServletRequest request, HttpServletResponse response) {
        if (!service.change(signedIn.getName(), form, errors, RequestOrigin.of(request))) {
            return "password";
        }
        // The service ended every session in the store; this keeps the request from saving its own again.
        new SecurityContextLogoutHandler().logout(request, response, signedIn);
        return "redirect:/signin?changed";
    }
}
