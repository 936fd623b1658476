package dev.myaccount.signin;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.myaccount.people.DirectoryService;

/** The sign-in page; Spring Security handles the form's POST. */
@Controller
class SignInController {

    private static final String TYPED_UPN = SignInController.class.getName() + ".typedUpn";

    @GetMapping("/signin")
    String signIn(Principal signedIn, HttpServletRequest request, Model model) {
        if (signedIn != null) {
            return "redirect:/";
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            model.addAttribute("upn", session.getAttribute(TYPED_UPN));
            session.removeAttribute(TYPED_UPN);
        }
        return "signin/page";
    }

    /** After a refused sign-in the page shows the UPN again, as typed, so that only the password is retyped. */
    static void rememberTypedUpn(HttpServletRequest request) {
        String upn = request.getParameter("upn");
        if (upn != null && !upn.isBlank() && upn.length() <= DirectoryService.LONGEST_UPN) {
            request.getSession().setAttribute(TYPED_UPN, upn.strip());
        }
    }
}
