package dev.myaccount.securityinfo.passkey;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.authentication.HttpSessionPublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proof, outside sign-in, that this browser holds one of an account's passkeys: the browser answers the
 * challenge that Spring Security's {@code /webauthn/authenticate/options} kept in its session (with no list
 * of credentials, so the options tell nothing about any account), and the answer is checked here as the
 * sign-in with a passkey checks it. A challenge answers once.
 */
@Component
@NamedInterface("passkey-proof")
public class PasskeyProof {

    private final WebAuthnRelyingPartyOperations ceremonies;
    private final PublicKeyCredentialRequestOptionsRepository challenges =
            new HttpSessionPublicKeyCredentialRequestOptionsRepository();
    private final JsonMapper json = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

    PasskeyProof(WebAuthnRelyingPartyOperations ceremonies) {
        this.ceremonies = ceremonies;
    }

    /** The UPN of the account whose passkey made {@code assertion}; empty when it is no valid answer. */
    public Optional<String> holder(String assertion, HttpServletRequest request, HttpServletResponse response) {
        PublicKeyCredentialRequestOptions challenge = challenges.load(request);
        challenges.save(request, response, null);
        if (challenge == null) {
            return Optional.empty();
        }
        try {
            PublicKeyCredential<AuthenticatorAssertionResponse> answer = json.readValue(assertion,
                    new TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>>() {
                    });
            return Optional.of(ceremonies.authenticate(new RelyingPartyAuthenticationRequest(challenge, answer))
                    .getName());
        } catch (RuntimeException refused) {
            return Optional.empty();
        }
    }
}
