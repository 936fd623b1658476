package dev.myaccount.reset;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.myaccount.policy.PolicyReason;
import dev.myaccount.securityinfo.MethodKind;
import dev.myaccount.web.RateLimiter;

/**
 * "Forgot my password?": the UPN, then a code of one of the person's methods, then a new password. The
 * flow is kept in this browser's session, so it cannot be finished from another; each step checks it first.
 * Every UPN gets the same pages, whether or not it has an account or the method chosen.
 */
@Controller
@RequestMapping(ResetController.PAGE)
class ResetController {

    static final String PAGE = "/reset";
    private static final String FLOW = ResetController.class.getName() + ".flow";
    private static final String VERIFIED = ResetController.class.getName() + ".verified";
    private static final List<MethodKind> KINDS = List.of(MethodKind.EMAIL, MethodKind.PHONE, MethodKind.AUTHENTICATOR);

    private final PasswordReset reset;
    private final MessageSource messages;
    /** Ten resets begun per client address in 15 minutes: plenty for people, too few for a script. */
    private final RateLimiter starts = new RateLimiter(10, Duration.ofMinutes(15));

    ResetController(PasswordReset reset, MessageSource messages) {
        this.reset = reset;
        this.messages = messages;
    }

    @GetMapping
    String start() {
        return "reset/start";
    }

    @PostMapping
    String begin(@RequestParam(defaultValue = "") String upn, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        if (upn.isBlank() || upn.length() > 320) {
            model.addAttribute("error", "reset.error.upn");
            return "reset/start";
        }
        if (!starts.tryTake(request.getRemoteAddr())) {
            response.setStatus(429);
            model.addAttribute("error", "reset.error.tooMany");
            return "reset/start";
        }
        HttpSession session = request.getSession();
        session.setAttribute(FLOW, reset.start(upn.strip()));
        session.removeAttribute(VERIFIED);
        return "redirect:" + PAGE + "/verify";
    }

    @GetMapping("/verify")
    String verifyPage(@RequestParam(required = false) String kind, Model model, HttpServletRequest request) {
        if (!reset.isOpen(flow(request))) {
            return "redirect:" + PAGE + "?expired";
        }
        return verify(kind(kind).orElse(null), false, null, model);
    }

    @PostMapping("/verify/send")
    String send(@RequestParam(defaultValue = "") String kind, Model model, Locale language,
            HttpServletRequest request) {
        UUID flow = flow(request);
        Optional<MethodKind> chosen = kind(kind).filter(k -> k != MethodKind.AUTHENTICATOR);
        if (!reset.isOpen(flow) || chosen.isEmpty()) {
            return "redirect:" + PAGE + "?expired";
        }
        reset.send(flow, chosen.get(), language, request.getRemoteAddr());
        return verify(chosen.get(), true, null, model);
    }

    @PostMapping("/verify")
    String check(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String code,
            Model model, HttpServletRequest request) {
        UUID flow = flow(request);
        Optional<MethodKind> chosen = kind(kind);
        if (!reset.isOpen(flow) || chosen.isEmpty()) {
            return "redirect:" + PAGE + "?expired";
        }
        if (code.isBlank()) {
            return verify(chosen.get(), true, "code.error.required", model);
        }
        return switch (reset.check(flow, chosen.get(), code, request)) {
            case RIGHT -> {
                request.getSession().setAttribute(VERIFIED, chosen.get());
                yield "redirect:" + PAGE + "/password";
            }
            case WRONG -> verify(chosen.get(), true, "code.error.wrong", model);
            case LOCKED -> verify(chosen.get(), true, "code.error.locked", model);
            case CLOSED -> "redirect:" + PAGE + "?expired";
        };
    }

    @GetMapping("/password")
    String passwordPage(HttpServletRequest request) {
        return verified(request).isPresent() ? "reset/password" : "redirect:" + PAGE + "?expired";
    }

    @PostMapping("/password")
    String setPassword(@RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword, Model model, Locale language,
            HttpServletRequest request) {
        Optional<MethodKind> verifiedWith = verified(request);
        if (verifiedWith.isEmpty()) {
            return "redirect:" + PAGE + "?expired";
        }
        UUID flow = flow(request);
        List<String> errors = newPassword.isEmpty()
                ? List.of(messages.getMessage("password.error.new-required", null, language))
                : reset.refusals(flow, newPassword).stream().map(reason -> message(reason, language)).toList();
        if (errors.isEmpty() && !newPassword.equals(confirmPassword)) {
            errors = List.of(messages.getMessage("password.error.mismatch", null, language));
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return "reset/password";
        }
        if (!reset.finish(flow, verifiedWith.get(), newPassword, language, request)) {
            return "redirect:" + PAGE + "?expired";
        }
        request.getSession().invalidate();
        return "redirect:/signin?reset";
    }

    private String verify(MethodKind kind, boolean sent, String error, Model model) {
        model.addAttribute("kinds", KINDS);
        model.addAttribute("kind", kind);
        model.addAttribute("sent", sent);
        model.addAttribute("error", error);
        return "reset/verify";
    }

    private String message(PolicyReason reason, Locale language) {
        return messages.getMessage(reason.messageKey(), reason.arguments().toArray(), language);
    }

    private static UUID flow(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (UUID) session.getAttribute(FLOW);
    }

    /** The kind of method the open flow was verified with, if it was. */
    private Optional<MethodKind> verified(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return reset.isOpen(flow(request)) && session.getAttribute(VERIFIED) instanceof MethodKind kind
                ? Optional.of(kind) : Optional.empty();
    }

    private static Optional<MethodKind> kind(String slug) {
        return Arrays.stream(MethodKind.values()).filter(KINDS::contains).filter(k -> k.slug().equals(slug))
                .findFirst();
    }
}
