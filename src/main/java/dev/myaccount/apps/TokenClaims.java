package dev.myaccount.apps;

import java.util.ArrayList;
import java.util.Date;
import java.util.UUID;

import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the tokens say. Every token names the organisation ({@code tid}) and, for a person, the account by its id
 * ({@code sub}), which stays when the UPN changes. The ID token adds the person (with {@code profile}: their UPN and
 * name; with {@code email}: the address their organisation's directory gives, or else their UPN, the address of a
 * work account) and their sign-in: when ({@code auth_time}),
 * how ({@code amr}) and which ({@code sid}). Access tokens are signed with {@code myaccount.apps.access-token-algorithm}
 * (ES256 unless set); ID tokens with RS256, which OpenID Connect expects of every client unless it registered another.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final AppRepository apps;
    private final SignatureAlgorithm accessTokenAlgorithm;

    TokenClaims(AppRepository apps, AppsProperties settings) {
        this.apps = apps;
        this.accessTokenAlgorithm = settings.accessTokenAlgorithm();
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getJwsHeader().algorithm(accessTokenAlgorithm);
        }
        var claims = context.getClaims();
        apps.organisationOf(context.getRegisteredClient().getId()).map(UUID::toString)
                .ifPresent(organisation -> claims.claim("tid", organisation));
        if (!(context.getPrincipal().getPrincipal() instanceof AppSignIn person)) {
            return;
        }
        claims.subject(person.accountId().toString());
        if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            return;
        }
        var scopes = context.getAuthorizedScopes();
        if (scopes.contains(OidcScopes.PROFILE)) {
            claims.claim(StandardClaimNames.PREFERRED_USERNAME, person.upn());
            claims.claim(StandardClaimNames.NAME, person.displayName());
        }
        if (scopes.contains(OidcScopes.EMAIL)) {
            claims.claim(StandardClaimNames.EMAIL, person.emailOrUpn());
        }
        // A Date and an ArrayList: the grant keeps the claims as JSON, whose allow-list has no Long or immutable list.
        claims.claim("auth_time", Date.from(person.authTime()));
        claims.claim("amr", new ArrayList<>(person.amr()));
        claims.claim("sid", person.sessionId());
    }
}
