package dev.myaccount.securityinfo.totp;

import java.util.Base64;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.securityinfo.MethodKind;
import dev.myaccount.securityinfo.SealedSecrets;
import dev.myaccount.securityinfo.SecurityInfoController;
import dev.myaccount.securityinfo.SecurityNotices;
import dev.myaccount.securityinfo.SignInMethods;
import dev.myaccount.signin.Confirmation;
import dev.myaccount.signin.SignedInPerson;

/**
 * Adds an authenticator app: a new secret (160 bits) shown as a QR code made here and as text to type;
 * it is saved only once the person types a code their app made from it. Until then the secret waits,
 * sealed, in the session, and five wrong codes make a new one.
 */
@Controller
@RequestMapping(SecurityInfoController.PAGE + "/authenticator")
class AuthenticatorEnrolment {

    private static final String PENDING = AuthenticatorEnrolment.class.getName() + ".pending";
    private static final String TRIES = AuthenticatorEnrolment.class.getName() + ".tries";
    private static final int TRIES_PER_SECRET = 5;
    private static final int QR_PIXELS = 220;

    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);
    private final AuthenticatorCodes codes;
    private final SealedSecrets sealed;
    private final SignInMethods methods;
    private final Confirmation confirmation;
    private final AuditLog audit;
    private final SecurityNotices notices;

    AuthenticatorEnrolment(AuthenticatorCodes codes, SealedSecrets sealed, SignInMethods methods,
            Confirmation confirmation, AuditLog audit, SecurityNotices notices) {
        this.notices = notices;
        this.codes = codes;
        this.sealed = sealed;
        this.methods = methods;
        this.confirmation = confirmation;
        this.audit = audit;
    }

    @GetMapping
    String open(@AuthenticationPrincipal SignedInPerson person, Model model, HttpServletRequest request) {
        var confirm = confirmation.needed(person, request, SecurityInfoController.PAGE + "/authenticator");
        if (confirm.isPresent()) {
            return confirm.get();
        }
        return page(person, pendingSecret(request.getSession()), model);
    }

    @PostMapping
    String confirmCode(@RequestParam(defaultValue = "") String code, @AuthenticationPrincipal SignedInPerson person,
            Model model, HttpServletRequest request) {
        var confirm = confirmation.needed(person, request, SecurityInfoController.PAGE + "/authenticator");
        if (confirm.isPresent()) {
            return confirm.get();
        }
        HttpSession session = request.getSession();
        String secret = pendingSecret(session);
        OptionalLong step = codes.matchingStep(secret, code);
        if (step.isEmpty()) {
            int tries = session.getAttribute(TRIES) instanceof Integer before ? before + 1 : 1;
            session.setAttribute(TRIES, tries);
            if (tries >= TRIES_PER_SECRET) {
                session.removeAttribute(PENDING);
                session.removeAttribute(TRIES);
                model.addAttribute("error", "authenticator.error.newSecret");
                return page(person, pendingSecret(session), model);
            }
            model.addAttribute("error", code.isBlank() ? "authenticator.error.required" : "authenticator.error.wrong");
            return page(person, secret, model);
        }
        var added = methods.add(person.accountId(), MethodKind.AUTHENTICATOR, sealed.seal(secret),
                method -> sealed.open(method.secret()).equals(secret));
        if (added.isEmpty()) {
            return "redirect:" + SecurityInfoController.PAGE + "?toomany";
        }
        // The code that proved the app works cannot be used again to sign in.
        codes.takeStep(added.get().id(), step.getAsLong());
        session.removeAttribute(PENDING);
        session.removeAttribute(TRIES);
        if (!added.get().isNew()) {
            return "redirect:" + SecurityInfoController.PAGE + "?added=authenticator";
        }
        audit.record(new AuditEvent(AuditEventType.SIGN_IN_METHOD_ADDED, person.organisationId(), person.accountId(),
                RequestOrigin.of(request), MethodKind.AUTHENTICATOR.slug()));
        notices.methodAdded(person.accountId(), MethodKind.AUTHENTICATOR, added.get().id());
        return "redirect:" + SecurityInfoController.PAGE + "?added=authenticator";
    }

    private String page(SignedInPerson person, String secret, Model model) {
        QrData data = new QrData.Builder().label(person.upn()).secret(secret).issuer(person.organisationName())
                .algorithm(HashingAlgorithm.SHA1).digits(AuthenticatorCodes.DIGITS)
                .period(AuthenticatorCodes.STEP_SECONDS).build();
        try {
            ZxingPngQrGenerator png = new ZxingPngQrGenerator();
            png.setImageSize(QR_PIXELS);
            model.addAttribute("qrCode", "data:image/png;base64,"
                    + Base64.getEncoder().encodeToString(png.generate(data)));
        } catch (QrGenerationException e) {
            throw new IllegalStateException(e);
        }
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        return "securityinfo/authenticator";
    }

    private String pendingSecret(HttpSession session) {
        if (session.getAttribute(PENDING) instanceof String pending) {
            return sealed.open(pending);
        }
        String secret = secrets.generate();
        session.setAttribute(PENDING, sealed.seal(secret));
        return secret;
    }
}
