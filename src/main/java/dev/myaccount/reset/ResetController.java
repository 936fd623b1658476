package dev.myaccount.reset;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.myaccount.people.Account;
import dev.myaccount.people.Passwords;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.OrganisationProfile;
import dev.myaccount.policy.LiveCheck;
import dev.myaccount.securityinfo.MethodKind;
import dev.myaccount.securityinfo.passkey.PasskeyProof;
import dev.myaccount.signin.SignInDetails;
import dev.myaccount.web.AddressRateLimiter;
import dev.myaccount.web.RateLimits;

/**
 * "Forgot my password?": the UPN, then a code of one of the person's methods, then a new password. The
 * flow is kept in this browser's session, so it cannot be finished from another; each step checks it first.
 * Every UPN gets the same pages, whether or not it has an account or the method chosen.
 */
@Controller
@RequestMapping(ResetController.PAGE)
class ResetController {

    static final String PAGE = "/reset";
    private static final Set<MethodKind> CODE_BY_MESSAGE = EnumSet.of(MethodKind.EMAIL, MethodKind.PHONE);

    private final PasswordReset reset;
    private final ResetSettings settings;
    private final NewPasswords newPasswords;
    private final LiveCheck liveCheck;
    private final DirectoryService directory;
    private final AddressRateLimiter starts;
    private final ResetSession state;
    private final SignInDetails.Source browsers;
    private final PasskeyProof passkeys;

    ResetController(PasswordReset reset, ResetSettings settings, NewPasswords newPasswords, LiveCheck liveCheck,
            DirectoryService directory, ResetProperties limits, RateLimits rateLimits, ResetSession state, SignInDetails.Source browsers, PasskeyProof passkeys) {
        this.browsers = browsers;
        this.passkeys = passkeys;
        this.starts = rateLimits.perAddress("reset-starts-per-address", limits.startsPerAddress(), limits.startsWindow());
        this.reset = reset;
        this.settings = settings;
        this.newPasswords = newPasswords;
        this.liveCheck = liveCheck;
        this.directory = directory;
        this.state = state;
    }

    @GetMapping
    String start() {
        return "reset/start";
    }

    @PostMapping
    String begin(@RequestParam(defaultValue = "") String upn, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        if (upn.isBlank() || upn.length() > DirectoryService.LONGEST_UPN) {
            model.addAttribute("error", "reset.error.upn");
            return "reset/start";
        }
        if (!starts.tryTake(request.getRemoteAddr())) {
            response.setStatus(429);
            model.addAttribute("error", "reset.error.tooMany");
            return "reset/start";
        }
        String typed = DirectoryService.trackable(upn);
        if (!settings.forUpn(typed).enabled()) {
            model.addAttribute("error", "reset.error.disabled");
            model.addAttribute("contact", contact(typed));
            return "reset/start";
        }
        state.begin(request, reset.start(typed), typed);
        return "redirect:" + PAGE + "/verify";
    }

    @GetMapping("/verify")
    String verifyPage(@RequestParam(required = false) String kind, Model model, HttpServletRequest request) {
        if (!reset.isOpen(state.flow(request))) {
            return "redirect:" + PAGE + "?expired";
        }
        return verify(request, state.kind(request, kind).orElse(null), false, null, model);
    }

    @PostMapping("/verify/send")
    String send(@RequestParam(defaultValue = "") String kind, Model model, Locale language,
            HttpServletRequest request) {
        UUID flow = state.flow(request);
        if (!reset.isOpen(flow)) {
            return "redirect:" + PAGE + "?expired";
        }
        Optional<MethodKind> chosen = state.kind(request, kind).filter(CODE_BY_MESSAGE::contains);
        if (chosen.isEmpty()) {
            return "redirect:" + PAGE + "?expired";
        }
        reset.send(flow, chosen.get(), language, request.getRemoteAddr());
        return verify(request, chosen.get(), true, null, model);
    }

    @PostMapping("/verify")
    String check(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String code,
            Model model, HttpServletRequest request) {
        UUID flow = state.flow(request);
        if (!reset.isOpen(flow)) {
            return "redirect:" + PAGE + "?expired";
        }
        Optional<MethodKind> chosen = state.kind(request, kind).filter(k -> k != MethodKind.PASSKEY);
        if (chosen.isEmpty()) {
            return "redirect:" + PAGE + "?expired";
        }
        if (code.isBlank()) {
            return verify(request, chosen.get(), true, "code.error.required", model);
        }
        return switch (reset.check(flow, state.typedUpn(request), chosen.get(), code,
                browsers.buildDetails(request))) {
            case RIGHT -> "redirect:" + state.prove(chosen.get(), request);
            case WRONG -> verify(request, chosen.get(), true, "code.error.wrong", model);
            case LOCKED -> verify(request, chosen.get(), true, "code.error.locked", model);
            case CLOSED -> "redirect:" + PAGE + "?expired";
        };
    }

    /**
     * For people who never added security info or lost every method, the same for everyone: who in their
     * organisation can check it's them and give them a temporary access pass.
     */
    @GetMapping("/help")
    String help(Model model, HttpServletRequest request) {
        model.addAttribute("contact", contact(state.typedUpn(request)));
        return "reset/help";
    }

    /** A passkey's answer to the challenge this browser asked for; JSON for the page's script. */
    @PostMapping(path = "/verify/passkey", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> passkey(@RequestBody(required = false) String assertion,
            HttpServletRequest request, HttpServletResponse response) {
        UUID flow = state.flow(request);
        if (!reset.isOpen(flow) || state.kind(request, MethodKind.PASSKEY.slug()).isEmpty()) {
            return ResponseEntity.ok(Map.of("redirectUrl", PAGE + "?expired"));
        }
        String answer = assertion == null ? "" : assertion;
        return switch (reset.checkPasskey(flow, state.typedUpn(request), answer,
                passkeys.holder(answer, request, response), browsers.buildDetails(request))) {
            case RIGHT -> ResponseEntity.ok(Map.of("redirectUrl", state.prove(MethodKind.PASSKEY, request)));
            case WRONG, LOCKED -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("refused", true));
            case CLOSED -> ResponseEntity.ok(Map.of("redirectUrl", PAGE + "?expired"));
        };
    }

    @GetMapping("/password")
    String passwordPage(Model model, HttpServletRequest request) {
        return state.proven(request) ? passwordPage(reset.account(state.flow(request)), null, model)
                : "redirect:" + PAGE + "?expired";
    }

    /** The live checklist's check of a candidate for the account being reset; nothing is stored. */
    @PostMapping(path = "/password/check", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> checkPassword(@RequestParam(defaultValue = "") String newPassword, Locale language,
            HttpServletRequest request) {
        if (!state.proven(request)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        UUID flow = state.flow(request);
        return liveCheck.answer(flow, () -> newPasswords.preview(reset.account(flow), newPassword), language);
    }

    @PostMapping("/password")
    String setPassword(@RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword, Model model, Locale language,
            HttpServletRequest request) {
        if (!state.proven(request)) {
            return "redirect:" + PAGE + "?expired";
        }
        UUID flow = state.flow(request);
        Account account = reset.account(flow);
        List<String> errors = newPasswords.problems(account, newPassword, confirmPassword, language);
        if (!errors.isEmpty()) {
            return passwordPage(account, errors, model);
        }
        Passwords.Stored stored = reset.finish(flow, state.verifiedKinds(request), newPassword,
                browsers.buildDetails(request));
        if (stored.refusal() != null) {
            return passwordPage(account, List.of(newPasswords.refusal(stored, language)), model);
        }
        if (!stored.done()) {
            return "redirect:" + PAGE + "?expired";
        }
        request.getSession().invalidate();
        return "redirect:/signin?reset";
    }

    private String passwordPage(Account account, List<String> errors, Model model) {
        model.addAttribute("policy", newPasswords.rules(account));
        model.addAttribute("action", PAGE + "/password");
        model.addAttribute("title", "reset.password.title");
        model.addAttribute("errors", errors);
        return "reset/password";
    }

    /** The step page: the ways left to choose, or the chosen one's code; the same for every UPN of a domain. */
    private String verify(HttpServletRequest request, MethodKind kind, boolean sent, String error, Model model) {
        model.addAttribute("kinds", state.remaining(request));
        model.addAttribute("another", !state.verifiedKinds(request).isEmpty());
        model.addAttribute("kind", kind);
        model.addAttribute("sent", sent);
        model.addAttribute("error", error);
        return "reset/verify";
    }

    /** The organisation's contact for people who cannot reset, by the domain of the UPN typed. */
    private String contact(String upn) {
        String domain = upn == null ? "" : upn.substring(upn.lastIndexOf('@') + 1);
        return directory.findOrganisationByDomain(domain).flatMap(o -> directory.profile(o.id()))
                .map(OrganisationProfile::contactEmail).orElse(null);
    }
}
