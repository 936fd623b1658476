package dev.myaccount.reset;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

import dev.myaccount.securityinfo.MethodKind;

/**
 * Where a reset stands in the browser's session: its flow, the UPN typed, and the kinds of method proven so far,
 * against what the UPN's organisation asks for.
 */
@Component
class ResetSession {

    private static final String FLOW = ResetSession.class.getName() + ".flow";
    private static final String UPN = ResetSession.class.getName() + ".upn";
    private static final String VERIFIED = ResetSession.class.getName() + ".verified";

    private final PasswordReset reset;
    private final ResetSettings settings;

    ResetSession(PasswordReset reset, ResetSettings settings) {
        this.reset = reset;
        this.settings = settings;
    }

    void begin(HttpServletRequest request, UUID flow, String typedUpn) {
        HttpSession session = request.getSession();
        session.setAttribute(FLOW, flow);
        session.setAttribute(UPN, typedUpn);
        session.setAttribute(VERIFIED, EnumSet.noneOf(MethodKind.class));
    }

    UUID flow(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (UUID) session.getAttribute(FLOW);
    }

    /** Notes the kind as proven; where to go next: the password, or one more kind. */
    String prove(MethodKind kind, HttpServletRequest request) {
        EnumSet<MethodKind> verified = EnumSet.noneOf(MethodKind.class);
        verified.addAll(verifiedKinds(request));
        verified.add(kind);
        request.getSession().setAttribute(VERIFIED, verified);
        return verified.size() >= rules(request).methodsRequired() ? ResetController.PAGE + "/password"
                : ResetController.PAGE + "/verify?another";
    }

    /** Whether the open flow has as many different methods proven as the organisation asks for. */
    boolean proven(HttpServletRequest request) {
        return reset.isOpen(flow(request)) && !verifiedKinds(request).isEmpty()
                && verifiedKinds(request).size() >= rules(request).methodsRequired();
    }

    @SuppressWarnings("unchecked")
    Set<MethodKind> verifiedKinds(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(VERIFIED) instanceof Set<?> kinds
                ? (Set<MethodKind>) kinds : Set.of();
    }

    /** The UPN typed at the start, or null when no reset was begun in this browser. */
    String typedUpn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(UPN) instanceof String typed ? typed : null;
    }

    ResetSettings.Rules rules(HttpServletRequest request) {
        String upn = typedUpn(request);
        return settings.forUpn(upn == null ? "" : upn);
    }

    /** The kinds that count in the organisation and are not proven yet. */
    List<MethodKind> remaining(HttpServletRequest request) {
        return rules(request).kinds().stream().filter(k -> !verifiedKinds(request).contains(k)).toList();
    }

    Optional<MethodKind> kind(HttpServletRequest request, String slug) {
        return remaining(request).stream().filter(k -> k.slug().equals(slug)).findFirst();
    }
}
