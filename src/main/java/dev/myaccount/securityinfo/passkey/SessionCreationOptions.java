package dev.myaccount.securityinfo.passkey;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.stereotype.Component;

import dev.myaccount.signin.Confirmation;
import dev.myaccount.signin.SignedInPerson;

/**
 * Keeps the options of a passkey registration between its two requests in the session, which lives in the
 * database so that the second request may reach another node. Spring Security's options are not
 * serializable (spring-security#16431), so the session holds their values and they are built again.
 */
@Component
class SessionCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

    private static final String ATTRIBUTE = SessionCreationOptions.class.getName();
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
            PublicKeyCredentialParameters.ES384, PublicKeyCredentialParameters.ES512,
            PublicKeyCredentialParameters.RS256, PublicKeyCredentialParameters.RS384,
            PublicKeyCredentialParameters.RS512, PublicKeyCredentialParameters.RS1);
    private static final List<UserVerificationRequirement> VERIFICATIONS = List.of(
            UserVerificationRequirement.DISCOURAGED, UserVerificationRequirement.PREFERRED,
            UserVerificationRequirement.REQUIRED);

    private record Values(String rpId, String rpName, byte[] userId, String userName, String userDisplayName,
            byte[] challenge, long[] algorithms, Duration timeout, List<PublicKeyCredentialDescriptor> exclude,
            String attachment, String residentKey, String userVerification, String attestation,
            boolean credentialProperties) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;
    }

    private final Confirmation confirmation;

    SessionCreationOptions(Confirmation confirmation) {
        this.confirmation = confirmation;
    }

    /** Starts a registration, only for a person who signed in or confirmed who they are recently. */
    @Override
    public void save(HttpServletRequest request, HttpServletResponse response,
            PublicKeyCredentialCreationOptions options) {
        HttpSession session = request.getSession();
        if (options == null) {
            session.removeAttribute(ATTRIBUTE);
            return;
        }
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !(current.getPrincipal() instanceof SignedInPerson person)
                || !confirmation.isRecent(person)) {
            throw new AccessDeniedException("A passkey is added only soon after signing in");
        }
        AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
        session.setAttribute(ATTRIBUTE, new Values(options.getRp().getId(), options.getRp().getName(),
                options.getUser().getId().getBytes(), options.getUser().getName(), options.getUser().getDisplayName(),
                options.getChallenge().getBytes(),
                options.getPubKeyCredParams().stream().mapToLong(parameters -> parameters.getAlg().getValue())
                        .toArray(),
                options.getTimeout(), options.getExcludeCredentials() == null ? List.of()
                        : List.copyOf(options.getExcludeCredentials()),
                selection.getAuthenticatorAttachment() == null ? null
                        : selection.getAuthenticatorAttachment().getValue(),
                selection.getResidentKey() == null ? null : selection.getResidentKey().getValue(),
                selection.getUserVerification() == null ? null : selection.getUserVerification().getValue(),
                options.getAttestation() == null ? null : options.getAttestation().getValue(),
                options.getExtensions() != null && !options.getExtensions().getInputs().isEmpty()));
    }

    @Override
    public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Values values)) {
            return null;
        }
        var selection = AuthenticatorSelectionCriteria.builder()
                .userVerification(VERIFICATIONS.stream()
                        .filter(requirement -> requirement.getValue().equals(values.userVerification()))
                        .findFirst().orElse(null));
        if (values.attachment() != null) {
            selection.authenticatorAttachment(AuthenticatorAttachment.valueOf(values.attachment()));
        }
        if (values.residentKey() != null) {
            selection.residentKey(ResidentKeyRequirement.valueOf(values.residentKey()));
        }
        var options = PublicKeyCredentialCreationOptions.builder()
                .rp(PublicKeyCredentialRpEntity.builder().id(values.rpId()).name(values.rpName()).build())
                .user(ImmutablePublicKeyCredentialUserEntity.builder().id(new Bytes(values.userId()))
                        .name(values.userName()).displayName(values.userDisplayName()).build())
                .challenge(new Bytes(values.challenge()))
                // The library's own constants: its checks compare parameters by identity (spring-security#17164).
                .pubKeyCredParams(ALGORITHMS.stream()
                        .filter(known -> Arrays.stream(values.algorithms())
                                .anyMatch(algorithm -> algorithm == known.getAlg().getValue()))
                        .toList())
                .timeout(values.timeout())
                .excludeCredentials(values.exclude())
                .authenticatorSelection(selection.build());
        if (values.attestation() != null) {
            options.attestation(AttestationConveyancePreference.valueOf(values.attestation()));
        }
        if (values.credentialProperties()) {
            options.extensions(new ImmutableAuthenticationExtensionsClientInputs(
                    ImmutableAuthenticationExtensionsClientInput.credProps));
        }
        return options.build();
    }
}
