package dev.myaccount.admin;

import java.time.Duration;
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
import dev.myaccount.securityinfo.SecurityInfoController;
import dev.myaccount.securityinfo.SignInMethods;
import dev.myaccount.securityinfo.SignInSettings;
import dev.myaccount.signin.LockoutSettings;
import dev.myaccount.signin.SignInProperties;
import dev.myaccount.signin.SignedInPerson;

/**
 * The admin's Sign-in and reset page: whether everyone of the organisation takes a second sign-in step, and
 * its self-service reset (on or off, how many methods a person proves, which kinds count), and its smart
 * lockout numbers. The whole form is checked before anything is saved.
 */
@Controller
@RequestMapping(SignInAndResetController.PAGE)
class SignInAndResetController {

    static final String PAGE = AdminAccess.ROOT + "/sign-in-and-reset";
    private static final List<MethodKind> KINDS = List.of(MethodKind.EMAIL, MethodKind.PHONE,
            MethodKind.AUTHENTICATOR, MethodKind.PASSKEY);

    private final SignInSettings signIn;
    private final ResetSettings reset;
    private final LockoutSettings lockout;
    private final SignInProperties operator;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final SignInMethods methods;

    SignInAndResetController(SignInSettings signIn, ResetSettings reset, LockoutSettings lockout,
            SignInProperties operator, AuditLog audit, TransactionTemplate transaction, SignInMethods methods) {
        this.methods = methods;
        this.signIn = signIn;
        this.reset = reset;
        this.lockout = lockout;
        this.operator = operator;
        this.audit = audit;
        this.transaction = transaction;
    }

    @GetMapping
    String page(@RequestParam(required = false) String saved, @AuthenticationPrincipal SignedInPerson admin,
            Model model) {
        ResetSettings.Rules rules = reset.of(admin.organisationId());
        LockoutSettings.Rules locking = lockout.of(admin.organisationId());
        model.addAttribute("saved", saved != null);
        return page(signIn.secondFactorRequired(admin.organisationId()), rules.enabled(), rules.methodsRequired(),
                Set.copyOf(rules.kinds()), String.valueOf(locking.threshold()),
                String.valueOf(locking.duration().toSeconds()), null, model);
    }

    @PostMapping
    String save(@RequestParam(defaultValue = "false") boolean secondFactorRequired,
            @RequestParam(defaultValue = "false") boolean resetEnabled,
            @RequestParam(defaultValue = "1") String methodsRequired,
            @RequestParam(defaultValue = "") List<String> kinds, @RequestParam(defaultValue = "") String threshold,
            @RequestParam(defaultValue = "") String duration, @AuthenticationPrincipal SignedInPerson admin,
            Model model, HttpServletRequest request) {
        Set<MethodKind> chosen = EnumSet.noneOf(MethodKind.class);
        KINDS.stream().filter(kind -> kinds.contains(kind.name())).forEach(chosen::add);
        int required = "2".equals(methodsRequired) ? 2 : 1;
        LockoutSettings.Rules locking = lockoutRules(threshold, duration);
        String error = resetEnabled && chosen.size() < required ? "admin.signIn.error.kinds"
                : locking == null ? "admin.signIn.error.lockout" : null;
        if (error != null) {
            return page(secondFactorRequired, resetEnabled, required, chosen, threshold, duration, error, model);
        }
        transaction.executeWithoutResult(status -> {
            signIn.requireSecondFactor(admin.organisationId(), secondFactorRequired);
            reset.set(admin.organisationId(), resetEnabled, required, chosen);
            lockout.set(admin.organisationId(), locking);
            audit.record(new AuditEvent(AuditEventType.SIGN_IN_SETTINGS_CHANGED, admin.organisationId(), null,
                    RequestOrigin.of(request), (secondFactorRequired ? "second-step" : "password-only")
                            + (resetEnabled ? ", reset " + required : ", no reset") + ", lockout after "
                            + locking.threshold() + " for " + locking.duration().toSeconds() + " s",
                    admin.accountId()));
        });
        // An admin without a method of their own would be sent on to add one, and lose the confirmation on the way.
        if (methods.missingRequired(admin.organisationId(), admin.accountId(), admin.upn())) {
            return "redirect:" + SecurityInfoController.PAGE + "?settingssaved";
        }
        return "redirect:" + PAGE + "?saved";
    }

    /** The lockout numbers typed, when they are whole numbers an admin may set; null otherwise. */
    private static LockoutSettings.Rules lockoutRules(String threshold, String seconds) {
        try {
            LockoutSettings.Rules rules = new LockoutSettings.Rules(Integer.parseInt(threshold.strip()),
                    Duration.ofSeconds(Integer.parseInt(seconds.strip())));
            return rules.allowed() ? rules : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private String page(boolean secondFactorRequired, boolean resetEnabled, int methodsRequired,
            Set<MethodKind> chosen, String threshold, String duration, String error, Model model) {
        model.addAttribute("secondFactorRequired", secondFactorRequired);
        model.addAttribute("resetEnabled", resetEnabled);
        model.addAttribute("methodsRequired", methodsRequired);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("chosen", chosen);
        model.addAttribute("threshold", threshold);
        model.addAttribute("duration", duration);
        model.addAttribute("limits", new Object[] {LockoutSettings.FEWEST_TRIES, LockoutSettings.MOST_TRIES,
            LockoutSettings.SHORTEST.toSeconds(), LockoutSettings.LONGEST.toSeconds()});
        model.addAttribute("maximum", operator.lockoutMaximum().toMinutes());
        model.addAttribute("error", error);
        return "admin/sign-in-and-reset";
    }
}
