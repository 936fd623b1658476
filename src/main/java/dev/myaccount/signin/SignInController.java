package dev.myaccount.signin;

import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

import dev.myaccount.people.DirectoryService;

/** The sign-in page; Spring Security handles the form's POST. */
@Controller
class SignInController {

    private static final String TYPED_UPN = SignInController.class.getName() + ".typedUpn";

    private final SignInPages pages;

    SignInController(SignInPages pages) {
        this.pages = pages;
    }

    @GetMapping("/signin")
    ModelAndView signIn(Principal signedIn, HttpServletRequest request, Locale language, Model model) {
        if (signedIn != null) {
            return new ModelAndView("redirect:/");
        }
        HttpSession session = request.getSession(false);
        Object typedUpn = session == null ? null : session.getAttribute(TYPED_UPN);
        if (typedUpn != null) {
            model.addAttribute("upn", typedUpn);
            session.removeAttribute(TYPED_UPN);
        }
        return typedUpn == null && request.getQueryString() == null ? new ModelAndView(pages.firstOpened(language))
                : new ModelAndView(SignInPages.TEMPLATE);
    }

    /** After a refused sign-in the page shows the UPN again, as typed, so that only the password is retyped. */
    static void rememberTypedUpn(HttpServletRequest request) {
        String upn = request.getParameter("upn");
        if (upn != null && !upn.isBlank() && upn.length() <= DirectoryService.LONGEST_UPN) {
            request.getSession().setAttribute(TYPED_UPN, upn.strip());
        }
    }
}
