package dev.myaccount.apps;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Answers an app's token revocation (RFC 7009) as Spring Authorization Server does, with 200, and when the token was
 * one of a person's grant, lets the app's Shared Signals stream know that the person's session with it ended.
 */
final class RevokedTokens implements AuthenticationSuccessHandler {

    private final OAuth2AuthorizationService grants;
    private final TransactionOperations transaction;
    private final ApplicationEventPublisher events;

    RevokedTokens(OAuth2AuthorizationService grants, TransactionOperations transaction,
            ApplicationEventPublisher events) {
        this.grants = grants;
        this.transaction = transaction;
        this.events = events;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) {
        String token = ((OAuth2TokenRevocationAuthenticationToken) authentication).getToken();
        OAuth2Authorization grant = grants.findByToken(token, null);
        // A person's grant is an authorization code's, named by their account id; an app's own grant names no one.
        if (grant != null && AuthorizationGrantType.AUTHORIZATION_CODE.equals(grant.getAuthorizationGrantType())) {
            // In a transaction: the stream is told after it commits, from the event publication registry.
            transaction.executeWithoutResult(status -> events.publishEvent(
                    new AppAccessEnded(grant.getRegisteredClientId(), UUID.fromString(grant.getPrincipalName()))));
        }
        response.setStatus(HttpServletResponse.SC_OK);
    }
}
