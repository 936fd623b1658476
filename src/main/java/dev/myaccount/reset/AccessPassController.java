package dev.myaccount.reset;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Account;
import dev.myaccount.people.Passwords;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.policy.LiveCheck;
import dev.myaccount.signin.DirectSignIn;
import dev.myaccount.signin.SignInDetails;
import dev.myaccount.signin.SignInDoor;
import dev.myaccount.web.AddressRateLimiter;
import dev.myaccount.web.RateLimits;

/**
 * "Sign in with a temporary access pass": the UPN and the pass an admin gave, then a password of the person's
 * own. The flow is kept in this browser's session, so it cannot be finished from another.
 */
@Controller
@RequestMapping(AccessPassController.PAGE)
class AccessPassController {

    static final String PAGE = "/access-pass";
    private static final String FLOW = AccessPassController.class.getName() + ".flow";
    private static final int LONGEST_PASS = 64;

    private final FirstSignIn firstSignIn;
    private final NewPasswords newPasswords;
    private final LiveCheck liveCheck;
    private final AddressRateLimiter starts;
    private final SignInDetails.Source browsers;
    private final DirectSignIn signIns;

    AccessPassController(FirstSignIn firstSignIn, NewPasswords newPasswords, LiveCheck liveCheck,
            ResetProperties limits, RateLimits rateLimits, SignInDetails.Source browsers, DirectSignIn signIns) {
        this.browsers = browsers;
        this.signIns = signIns;
        this.firstSignIn = firstSignIn;
        this.newPasswords = newPasswords;
        this.liveCheck = liveCheck;
        this.starts = rateLimits.perAddress("access-pass-starts-per-address", limits.startsPerAddress(),
                limits.startsWindow());
    }

    @GetMapping
    String start() {
        return "reset/access-pass";
    }

    @PostMapping
    String signIn(@RequestParam(defaultValue = "") String upn, @RequestParam(defaultValue = "") String pass,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("upn", upn.length() > DirectoryService.LONGEST_UPN ? "" : upn.strip());
        if (upn.isBlank() || pass.isBlank() || upn.length() > DirectoryService.LONGEST_UPN
                || pass.length() > LONGEST_PASS) {
            model.addAttribute("error", "accessPass.error.required");
            return "reset/access-pass";
        }
        if (!starts.tryTake(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("error", "accessPass.error.tooMany");
            return "reset/access-pass";
        }
        FirstSignIn.Checked checked = firstSignIn.check(DirectoryService.trackable(upn), pass,
                browsers.buildDetails(request));
        switch (checked.outcome()) {
            case RIGHT -> {
                request.getSession();
                request.changeSessionId();
                request.getSession().setAttribute(FLOW, checked.flow().orElseThrow());
                return "redirect:" + PAGE + "/password";
            }
            case WRONG -> model.addAttribute("error", "accessPass.error.wrong");
            case LOCKED -> model.addAttribute("error", "code.error.locked");
        }
        return "reset/access-pass";
    }

    @GetMapping("/password")
    String passwordPage(Model model, HttpServletRequest request) {
        UUID flow = flow(request);
        return firstSignIn.isOpen(flow) ? passwordPage(firstSignIn.account(flow), null, model)
                : "redirect:" + PAGE + "?expired";
    }

    /** The live checklist's check of a candidate for the person signing in; nothing is stored. */
    @PostMapping(path = "/password/check", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> checkPassword(@RequestParam(defaultValue = "") String newPassword, Locale language,
            HttpServletRequest request) {
        UUID flow = flow(request);
        if (!firstSignIn.isOpen(flow)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return liveCheck.answer(flow, () -> newPasswords.preview(firstSignIn.account(flow), newPassword), language);
    }

    @PostMapping("/password")
    String setPassword(@RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword, Model model, Locale language,
            HttpServletRequest request, HttpServletResponse response) {
        UUID flow = flow(request);
        if (!firstSignIn.isOpen(flow)) {
            return "redirect:" + PAGE + "?expired";
        }
        Account account = firstSignIn.account(flow);
        List<String> errors = newPasswords.problems(account, newPassword, confirmPassword, language);
        if (!errors.isEmpty()) {
            return passwordPage(account, errors, model);
        }
        Passwords.Stored stored = firstSignIn.setPassword(flow, newPassword, RequestOrigin.of(request));
        if (stored.refusal() != null) {
            return passwordPage(account, List.of(newPasswords.refusal(stored, language)), model);
        }
        request.getSession().removeAttribute(FLOW);
        return signedIn(stored.done() ? Optional.of(account) : Optional.empty(), request, response);
    }

    @PostMapping("/password/keep")
    String keepPassword(HttpServletRequest request, HttpServletResponse response) {
        UUID flow = flow(request);
        if (!firstSignIn.isOpen(flow)) {
            return "redirect:" + PAGE + "?expired";
        }
        request.getSession().removeAttribute(FLOW);
        return signedIn(firstSignIn.keepPassword(flow), request, response);
    }

    /** Signs the person of a finished first sign-in in here, or says it was too late. */
    private String signedIn(Optional<Account> account, HttpServletRequest request, HttpServletResponse response) {
        account.ifPresent(person -> signIns.signIn(person, SignInDoor.ACCESS_PASS, request, response));
        return account.isPresent() ? "redirect:/" : "redirect:" + PAGE + "?expired";
    }

    private String passwordPage(Account account, List<String> errors, Model model) {
        model.addAttribute("policy", newPasswords.rules(account));
        model.addAttribute("action", PAGE + "/password");
        model.addAttribute("title", "accessPass.password.title");
        model.addAttribute("keep", FirstSignIn.mayKeep(account));
        model.addAttribute("errors", errors);
        return "reset/password";
    }

    private static UUID flow(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (UUID) session.getAttribute(FLOW);
    }
}
