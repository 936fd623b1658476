package dev.myaccount.securityinfo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.signin.Confirmation;
import dev.myaccount.signin.SignedInPerson;

/** The Security info page: the person's sign-in methods and passkeys, their default, and deleting one. */
@Controller
@RequestMapping(SecurityInfoController.PAGE)
public class SecurityInfoController {

    public static final String PAGE = "/security-info";

    private final SignInMethods methods;
    private final SignInSettings settings;
    private final Confirmation confirmation;
    private final AuditLog audit;
    private final PasskeyList passkeys;
    private final MessageSource messages;
    private final SecurityNotices notices;

    SecurityInfoController(SignInMethods methods, SignInSettings settings, Confirmation confirmation,
            AuditLog audit, PasskeyList passkeys, MessageSource messages, SecurityNotices notices) {
        this.notices = notices;
        this.passkeys = passkeys;
        this.messages = messages;
        this.methods = methods;
        this.settings = settings;
        this.confirmation = confirmation;
        this.audit = audit;
    }

    @GetMapping
    String page(@RequestParam(required = false) String added, @AuthenticationPrincipal SignedInPerson person,
            Model model) {
        List<SignInMethod> own = methods.of(person.accountId());
        model.addAttribute("added", kind(added).map(MethodKind::slug).orElse(null));
        model.addAttribute("methods", own);
        Optional<PasskeyList.Holder> holder = passkeys.holder(person.upn());
        model.addAttribute("passkeys", holder.map(PasskeyList.Holder::passkeys).orElse(List.of()));
        model.addAttribute("passkeyHolder", holder.orElse(null));
        model.addAttribute("kinds", MethodKind.values());
        model.addAttribute("required", settings.secondFactorRequired(person.organisationId()));
        return "securityinfo/page";
    }

    /** The "Add sign-in method" choice, sent on to the kind's own page. */
    @GetMapping("/add")
    String add(@RequestParam(required = false) String kind) {
        return kind(kind).map(chosen -> "redirect:" + PAGE + "/" + chosen.slug()).orElse("redirect:" + PAGE);
    }

    @PostMapping("/default")
    String makeDefault(@RequestParam(required = false) UUID method, @AuthenticationPrincipal SignedInPerson person,
            HttpServletRequest request) {
        if (method == null || !methods.makeDefault(person.accountId(), method)) {
            return "redirect:" + PAGE + "?notfound";
        }
        audit.record(AuditEvent.of(AuditEventType.SIGN_IN_METHOD_DEFAULT_CHANGED, person.organisationId(),
                person.accountId(), RequestOrigin.of(request)));
        return "redirect:" + PAGE + "?defaultchanged";
    }

    /** Asks "delete this method?" before it is done, as a page, so that it works without a script. */
    @GetMapping("/{id}/delete")
    String askDelete(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson person, Model model,
            HttpServletRequest request, Locale language) {
        var method = methods.find(person.accountId(), id);
        if (method.isEmpty()) {
            return "redirect:" + PAGE + "?notfound";
        }
        var confirm = confirmation.needed(person, request, PAGE + "/" + id + "/delete");
        if (confirm.isPresent()) {
            return confirm.get();
        }
        model.addAttribute("what", messages.getMessage("method." + method.get().kind().slug(), null, language)
                + " " + method.get().shown());
        model.addAttribute("action", PAGE + "/" + id + "/delete");
        return "securityinfo/delete";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson person, HttpServletRequest request) {
        var confirm = confirmation.needed(person, request, PAGE + "/" + id + "/delete");
        if (confirm.isPresent()) {
            return confirm.get();
        }
        Optional<SignInMethod> method = methods.find(person.accountId(), id);
        return switch (methods.remove(person.accountId(), person.upn(), person.organisationId(), id)) {
            case NOT_FOUND -> "redirect:" + PAGE + "?notfound";
            case LAST_REQUIRED -> "redirect:" + PAGE + "?lastrequired";
            case REMOVED -> {
                MethodKind kind = method.orElseThrow().kind();
                audit.record(new AuditEvent(AuditEventType.SIGN_IN_METHOD_DELETED, person.organisationId(),
                        person.accountId(), RequestOrigin.of(request), kind.slug()));
                notices.methodDeleted(person.accountId(), kind, method.filter(found -> found.kind() == MethodKind.EMAIL)
                        .map(SignInMethod::secret));
                yield "redirect:" + PAGE + "?deleted";
            }
        };
    }

    private static Optional<MethodKind> kind(String slug) {
        return Arrays.stream(MethodKind.values()).filter(kind -> kind.slug().equals(slug)).findFirst();
    }
}
