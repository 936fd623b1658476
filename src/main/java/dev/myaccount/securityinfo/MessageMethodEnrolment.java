package dev.myaccount.securityinfo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

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

/**
 * Adds an email address or a phone number: the person types it, a code goes there, and the method is saved
 * once they type the code back. The address waits in the session in between, and the code is bound to it.
 */
@Controller
@RequestMapping(SecurityInfoController.PAGE + "/{kind:email|phone}")
class MessageMethodEnrolment {

    private static final String PENDING = MessageMethodEnrolment.class.getName() + ".pending.";
    private static final String PURPOSE = "add-method";

    private final List<CodeByMessage> kinds;
    private final SignInMethods methods;
    private final Confirmation confirmation;
    private final AuditLog audit;
    private final SecurityNotices notices;

    MessageMethodEnrolment(List<CodeByMessage> kinds, SignInMethods methods, Confirmation confirmation,
            AuditLog audit, SecurityNotices notices) {
        this.notices = notices;
        this.kinds = kinds;
        this.methods = methods;
        this.confirmation = confirmation;
        this.audit = audit;
    }

    @GetMapping
    String open(@PathVariable String kind, @AuthenticationPrincipal SignedInPerson person, Model model,
            HttpServletRequest request) {
        Optional<String> confirm = confirmation.needed(person, request, pagePath(kind));
        if (confirm.isPresent()) {
            return confirm.get();
        }
        request.getSession().removeAttribute(PENDING + kind);
        return page(kind, null, null, model);
    }

    @PostMapping
    String sendCode(@PathVariable String kind, @RequestParam(defaultValue = "") String destination,
            @AuthenticationPrincipal SignedInPerson person, Model model, HttpServletRequest request, Locale language) {
        Optional<String> confirm = confirmation.needed(person, request, pagePath(kind));
        if (confirm.isPresent()) {
            return confirm.get();
        }
        CodeByMessage codes = codes(kind);
        Optional<String> checked = codes.destination(destination, person.upn());
        if (checked.isEmpty()) {
            model.addAttribute("typed", destination);
            return page(kind, null, destination.isBlank() ? kind + ".error.required" : kind + ".error.invalid", model);
        }
        if (codes.send(person.accountId(), checked.get(), PURPOSE, OneTimeCodes.Budget.NEW_DESTINATION, language,
                request.getRemoteAddr())
                == MethodCheck.Sending.TOO_MANY) {
            model.addAttribute("typed", destination);
            return page(kind, null, "code.error.tooMany", model);
        }
        request.getSession().setAttribute(PENDING + kind, checked.get());
        return page(kind, checked.get(), null, model);
    }

    @PostMapping("/verify")
    String verify(@PathVariable String kind, @RequestParam(defaultValue = "") String code,
            @AuthenticationPrincipal SignedInPerson person, Model model, HttpServletRequest request) {
        Optional<String> confirm = confirmation.needed(person, request, pagePath(kind));
        if (confirm.isPresent()) {
            return confirm.get();
        }
        HttpSession session = request.getSession();
        if (!(session.getAttribute(PENDING + kind) instanceof String destination)) {
            return "redirect:" + pagePath(kind);
        }
        if (!codes(kind).check(person.accountId(), destination, PURPOSE, code)) {
            return page(kind, destination, code.isBlank() ? "code.error.required" : "code.error.wrong", model);
        }
        session.removeAttribute(PENDING + kind);
        MethodKind added = MethodKind.valueOf(kind.toUpperCase(Locale.ROOT));
        var method = methods.add(person.accountId(), added, destination);
        if (method.isEmpty()) {
            return "redirect:" + SecurityInfoController.PAGE + "?toomany";
        }
        if (method.get().isNew()) {
            notices.methodAdded(person.accountId(), added, method.get().id());
        }
        audit.record(new AuditEvent(AuditEventType.SIGN_IN_METHOD_ADDED, person.organisationId(), person.accountId(),
                RequestOrigin.of(request), kind));
        return "redirect:" + SecurityInfoController.PAGE + "?added=" + kind;
    }

    /** The page: the address or number to type, or once a code went to {@code sentTo}, the code. */
    private static String page(String kind, String sentTo, String error, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("sentTo", sentTo);
        model.addAttribute("error", error);
        return "securityinfo/message-method";
    }

    private CodeByMessage codes(String kind) {
        return kinds.stream().filter(codes -> codes.kind().slug().equals(kind)).findFirst().orElseThrow();
    }

    private static String pagePath(String kind) {
        return SecurityInfoController.PAGE + "/" + kind;
    }
}
