package dev.myaccount.apps;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

import dev.myaccount.signin.SignInFacts;
import dev.myaccount.signin.SignedInPerson;
import dev.myaccount.web.Access;

/**
 * Puts the person an app may be told of in place of the session's sign-in, in every authorization and consent
 * request: a person who has done every step of their sign-in, as {@link AppSignIn}; anyone else as nobody, so that
 * the authorization server sends them to sign in (or answers {@code login_required} to {@code prompt=none}). A
 * person of another organisation than the app's is refused on the portal's own page, never sent back to the app.
 */
final class AppPrincipals implements AuthenticationConverter {

    static final String OTHER_ORGANISATION = "other_organisation";

    private static final Authentication NOBODY = new AnonymousAuthenticationToken("apps", "anonymous",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final AuthenticationConverter requests;
    private final AppRepository apps;

    AppPrincipals(AuthenticationConverter requests, AppRepository apps) {
        this.requests = requests;
        this.apps = apps;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication converted = requests.convert(request);
        if (converted instanceof OAuth2AuthorizationCodeRequestAuthenticationToken asked) {
            Authentication person = person(request, asked.getClientId()).orElse(NOBODY);
            return new OAuth2AuthorizationCodeRequestAuthenticationToken(asked.getAuthorizationUri(),
                    asked.getClientId(), person, asked.getRedirectUri(), asked.getState(), asked.getScopes(),
                    asked.getAdditionalParameters());
        }
        if (converted instanceof OAuth2AuthorizationConsentAuthenticationToken consent) {
            Authentication person = person(request, consent.getClientId()).orElse(NOBODY);
            return new OAuth2AuthorizationConsentAuthenticationToken(consent.getAuthorizationUri(),
                    consent.getClientId(), person, consent.getState(), consent.getScopes(),
                    consent.getAdditionalParameters());
        }
        return converted;
    }

    private Optional<Authentication> person(HttpServletRequest request, String clientId) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !(signedIn.getPrincipal() instanceof SignedInPerson person)
                || signedIn.getAuthorities().stream().noneMatch(a -> Access.SIGNED_IN.equals(a.getAuthority()))) {
            return Optional.empty();
        }
        Optional<UUID> organisation = apps.organisationOfClient(clientId);
        if (organisation.isPresent() && !organisation.get().equals(person.organisationId())) {
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(
                    new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, OTHER_ORGANISATION, null), null);
        }
        return SignInFacts.of(request).map(facts -> AppSignIn.of(person, facts).authentication());
    }
}
