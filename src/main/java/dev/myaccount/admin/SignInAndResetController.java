package dev.myaccount.admin;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.reset.ResetSettings;
import dev.myaccount.securityinfo.MethodKind;
import dev.myaccount.securityinfo.SignInSettings;
import dev.myaccount.signin.SignInProperties;
import dev.myaccount.signin.SignedInPerson;

/**
 * The admin's Sign-in and reset page: whether everyone of the organisation takes a second sign-in step, and
 * its self-service reset (on or off, how many methods a person proves, which kinds count). Smart lockout is
 * shown as the portal's operator set it for every organisation.
 */
@Controller
@RequestMapping(SignInAndResetController.PAGE)
class SignInAndResetController {

    static final String PAGE = AdminAccess.ROOT + "/sign-in-and-reset";
    private static final List<MethodKind> KINDS = List.of(MethodKind.EMAIL, MethodKind.PHONE,
            MethodKind.AUTHENTICATOR, MethodKind.PASSKEY);

    private final SignInSettings signIn;
    private final ResetSettings reset;
    private final SignInProperties lockout;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    SignInAndResetController(SignInSettings signIn, ResetSettings reset, SignInProperties lockout, AuditLog audit,
            TransactionTemplate transaction) {
        this.signIn = signIn;
        this.reset = reset;
        this.lockout = lockout;
        this.audit = audit;
        this.transaction = transaction;
    }

    @GetMapping
    String page(@RequestParam(required = false) String saved, @AuthenticationPrincipal SignedInPerson admin,
            Model model) {
        ResetSettings.Rules rules = reset.of(admin.organisationId());
        model.addAttribute("saved", saved != null);
        return page(signIn.secondFactorRequired(admin.organisationId()), rules.enabled(), rules.methodsRequired(),
                Set.copyOf(rules.kinds()), null, model);
    }

    @PostMapping
    String save(@RequestParam(defaultValue = "false") boolean secondFactorRequired,
            @RequestParam(defaultValue = "false") boolean resetEnabled,
            @RequestParam(defaultValue = "1") String methodsRequired,
            @RequestParam(defaultValue = "") List<String> kinds, @AuthenticationPrincipal SignedInPerson admin,
            Model model, HttpServletRequest request) {
        Set<MethodKind> chosen = EnumSet.noneOf(MethodKind.class);
        KINDS.stream().filter(kind -> kinds.contains(kind.name())).forEach(chosen::add);
        int required = "2".equals(methodsRequired) ? 2 : 1;
        if (resetEnabled && chosen.size() < required) {
            return page(secondFactorRequired, true, required, chosen, "admin.signIn.error.kinds", model);
        }
        transaction.executeWithoutResult(status -> {
            signIn.requireSecondFactor(admin.organisationId(), secondFactorRequired);
            reset.set(admin.organisationId(), resetEnabled, required, chosen);
            audit.record(new AuditEvent(AuditEventType.SIGN_IN_SETTINGS_CHANGED, admin.organisationId(), null,
                    RequestOrigin.of(request), (secondFactorRequired ? "second-step" : "password-only")
                            + (resetEnabled ? ", reset " + required : ", no reset"), admin.accountId()));
        });
        return "redirect:" + PAGE + "?saved";
    }

    private String page(boolean secondFactorRequired, boolean resetEnabled, int methodsRequired,
            Set<MethodKind> chosen, String error, Model model) {
        model.addAttribute("secondFactorRequired", secondFactorRequired);
        model.addAttribute("resetEnabled", resetEnabled);
        model.addAttribute("methodsRequired", methodsRequired);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("chosen", chosen);
        model.addAttribute("lockout", lockout);
        model.addAttribute("error", error);
        return "admin/sign-in-and-reset";
    }
}
