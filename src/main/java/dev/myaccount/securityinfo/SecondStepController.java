package dev.myaccount.securityinfo;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.myaccount.signin.SecondStep.Purpose;
import dev.myaccount.signin.SecondStep;
import dev.myaccount.signin.SignedInPerson;

/**
 * The page that asks for a code of one of the person's methods, after their password: at sign-in
 * ({@code /signin/verify}) and when they confirm who they are ({@code /confirm/verify}). The default method
 * comes first; "Sign in another way" lists the others. Codes by message are sent when the person asks.
 */
@Controller
@RequestMapping("/{step:signin|confirm}/verify")
class SecondStepController {

    private final SecondStep secondStep;
    private final SignInMethods methods;
    private final List<MethodCheck> checks;
    private final PasskeyList passkeys;

    SecondStepController(SecondStep secondStep, SignInMethods methods, List<MethodCheck> checks,
            PasskeyList passkeys) {
        this.passkeys = passkeys;
        this.secondStep = secondStep;
        this.methods = methods;
        this.checks = checks;
    }

    @GetMapping
    String page(@PathVariable String step, @RequestParam(required = false) UUID method,
            @AuthenticationPrincipal SignedInPerson person, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Purpose purpose = purpose(step);
        if (!secondStep.isOpen(purpose, person, request)) {
            return closed(purpose, person, request, response);
        }
        return page(step, person, method, null, model);
    }

    @PostMapping("/send")
    String send(@PathVariable String step, @RequestParam(required = false) UUID method,
            @AuthenticationPrincipal SignedInPerson person, Model model, Locale language, HttpServletRequest request,
            HttpServletResponse response) {
        Purpose purpose = purpose(step);
        if (!secondStep.isOpen(purpose, person, request)) {
            return closed(purpose, person, request, response);
        }
        Optional<SignInMethod> chosen = chosen(person, method);
        if (chosen.isEmpty()) {
            return page(step, person, method, null, model);
        }
        MethodCheck.Sending sending = check(chosen.get()).send(chosen.get(),
                secondStep.codePurpose(purpose, person, chosen.get().id(), request), OneTimeCodes.Budget.OWN, language,
                request.getRemoteAddr());
        model.addAttribute("sent", sending == MethodCheck.Sending.SENT);
        return page(step, person, method, sending == MethodCheck.Sending.TOO_MANY ? "code.error.tooMany" : null, model);
    }

    @PostMapping
    String verify(@PathVariable String step, @RequestParam(required = false) UUID method,
            @RequestParam(defaultValue = "") String code, @AuthenticationPrincipal SignedInPerson person, Model model,
            HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Purpose purpose = purpose(step);
        Optional<SignInMethod> chosen = chosen(person, method);
        if (chosen.isEmpty() || code.isBlank()) {
            return secondStep.isOpen(purpose, person, request)
                    ? page(step, person, method, "code.error.required", model)
                    : closed(purpose, person, request, response);
        }
        SignInMethod used = chosen.get();
        SecondStep.Answer answer = secondStep.check(purpose, person, used.kind().name(), code,
                () -> check(used).check(used, secondStep.codePurpose(purpose, person, used.id(), request), code), request,
                response);
        return switch (answer) {
            case RIGHT -> {
                methods.used(used.id());
                yield null;
            }
            case WRONG -> {
                model.addAttribute("sent", true);
                yield page(step, person, method, "code.error.wrong", model);
            }
            case LOCKED -> page(step, person, method, "code.error.locked", model);
            case CLOSED -> closed(purpose, person, request, response);
        };
    }

    @PostMapping("/cancel")
    String cancel(@PathVariable String step, @AuthenticationPrincipal SignedInPerson person,
            HttpServletRequest request, HttpServletResponse response) {
        Purpose purpose = purpose(step);
        secondStep.abandon(purpose, person, request, response);
        return purpose == Purpose.SIGN_IN ? "redirect:/signin" : "redirect:/";
    }

    private String page(String step, SignedInPerson person, UUID method, String error, Model model) {
        List<SignInMethod> own = methods.of(person.accountId());
        SignInMethod chosen = own.stream().filter(m -> m.id().equals(method)).findFirst()
                .orElse(own.isEmpty() ? null : own.get(0));
        model.addAttribute("step", step);
        model.addAttribute("method", chosen);
        model.addAttribute("others", own.stream().filter(m -> m != chosen).toList());
        model.addAttribute("hasPasskey", passkeys.any(person.upn()));
        model.addAttribute("error", error);
        model.addAttribute("sent", Boolean.TRUE.equals(model.getAttribute("sent")));
        return "securityinfo/second-step";
    }

    /**
     * A step that expired, was used up or finished: a sign-in starts again, a confirmation is asked again. A
     * person signed in fully who opens the sign-in step just goes to My Account.
     */
    private String closed(Purpose purpose, SignedInPerson person, HttpServletRequest request,
            HttpServletResponse response) {
        if (purpose == Purpose.SIGN_IN && person.secondFactorFlow().isEmpty()) {
            return "redirect:/";
        }
        secondStep.abandon(purpose, person, request, response);
        return purpose == Purpose.SIGN_IN ? "redirect:/signin?expired" : "redirect:/confirm?expired";
    }

    private Optional<SignInMethod> chosen(SignedInPerson person, UUID method) {
        return method == null ? Optional.empty() : methods.find(person.accountId(), method);
    }

    private MethodCheck check(SignInMethod method) {
        return checks.stream().filter(check -> check.kind() == method.kind()).findFirst().orElseThrow();
    }

    private static Purpose purpose(String step) {
        return "signin".equals(step) ? Purpose.SIGN_IN : Purpose.CONFIRM;
    }
}
