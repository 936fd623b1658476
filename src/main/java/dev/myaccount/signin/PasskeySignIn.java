package dev.myaccount.signin;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Organisation;
import dev.myaccount.web.PublicAddress;
import dev.myaccount.web.SecurityPart;

/**
 * Sign-in with a passkey instead of UPN and password, through Spring Security's WebAuthn endpoints: the
 * browser proves it holds a passkey of the account (possession and, with user verification, a PIN or
 * biometric), so no second step follows. The person is signed in as after a password and second step: a
 * new session id, the sign-in logged with "Passkey" as its method, the browser made familiar.
 */
@Component
class PasskeySignIn implements SecurityPart {

    static final String METHOD = "PASSKEY";

    private final PasskeyProperties settings;
    private final DirectoryService directory;
    private final SecurityContextRepository contexts;
    private final JsonMapper json;
    private final Clock clock;
    private final WebAuthnRelyingPartyOperations checks;
    private final PublicKeyCredentialCreationOptionsRepository registrations;
    private final SignInCompletion completion;

    PasskeySignIn(PasskeyProperties settings, PublicAddress portal, DirectoryService directory, SecurityContextRepository contexts,
            JsonMapper json, Clock clock, WebAuthnRelyingPartyOperations checks,
            PublicKeyCredentialCreationOptionsRepository registrations, SignInCompletion completion) {
        this.completion = completion;
        this.checks = checks;
        this.registrations = registrations;
        this.settings = settings.of(portal);
        this.directory = directory;
        this.contexts = contexts;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void addTo(HttpSecurity http) throws Exception {
        UserDetailsService enabledAccounts = this::enabledAccount;
        http.setSharedObject(UserDetailsService.class, enabledAccounts);
        WebAuthnAuthenticationProvider passkeys = new WebAuthnAuthenticationProvider(checks, enabledAccounts);
        http.webAuthn(webAuthn -> webAuthn.rpId(settings.rpId()).rpName(settings.rpName())
                .allowedOrigins(settings.origins()).disableDefaultRegistrationPage(true)
                .creationOptionsRepository(registrations)
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationManager(request -> signedIn(passkeys.authenticate(request)));
                        filter.setSecurityContextRepository(contexts);
                        filter.setAuthenticationSuccessHandler(PasskeySignIn.this::succeeded);
                        filter.setAuthenticationFailureHandler(PasskeySignIn.this::failed);
                        return filter;
                    }
                }));
    }

    private User enabledAccount(String upn) {
        return directory.findByUpn(upn).filter(Account::enabled)
                .map(account -> (User) User.withUsername(account.upn()).password("").authorities(List.of()).build())
                .orElseThrow(() -> new UsernameNotFoundException("No enabled account"));
    }

    private Authentication signedIn(Authentication passkey) {
        Account account = directory.findByUpn(passkey.getName()).filter(Account::enabled)
                .orElseThrow(() -> new DisabledException("No enabled account"));
        String organisation = directory.findOrganisation(account.organisationId()).map(Organisation::name)
                .orElseThrow();
        SignedInPerson person = new SignedInPerson(account, organisation, null, clock.instant());
        return UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities());
    }

    private void succeeded(HttpServletRequest request, HttpServletResponse response, Authentication signedIn)
            throws IOException {
        SignedInPerson person = (SignedInPerson) signedIn.getPrincipal();
        completion.finish(person, SignInDoor.SIGN_IN, METHOD, request, response);
        answer(response, HttpServletResponse.SC_OK,
                Map.of("authenticated", true, "redirectUrl", person.mustChangePassword() ? "/password" : "/"));
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        answer(response, HttpServletResponse.SC_UNAUTHORIZED, Map.of("authenticated", false));
    }

    private void answer(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
