package dev.myaccount.apps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Refresh tokens that rotate, with reuse detection (OAuth 2.0 Security BCP, 4.14.2): each refresh gives a new token,
 * and each token names its grant ({@link RefreshTokens}); when a replaced token is presented again, one of its two
 * holders stole it, so the whole grant ends (its current refresh token and its access tokens with it) and both must
 * sign in again.
 * Two holders who refresh at the same moment are caught too: a grant found by its refresh token remembers which one
 * was presented, and it is renewed only while that token is still the grant's current one, in one update.
 * Every call runs in a transaction: Spring Authorization Server reads a grant's app while the grant's rows are still
 * open, which outside one takes a second database connection, and requests at once then wait for each other's.
 */
final class RotatedRefreshTokens implements OAuth2AuthorizationService {

    /** In memory only, never saved: the refresh token a grant was found by. */
    private static final String PRESENTED = RotatedRefreshTokens.class.getName() + ".presented";

    private final JdbcGrants grants;
    private final RefreshTokens tokens;
    private final TransactionOperations transaction;

    RotatedRefreshTokens(JdbcGrants grants, RefreshTokens tokens, TransactionOperations transaction) {
        this.grants = grants;
        this.tokens = tokens;
        this.transaction = transaction;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        if (!Boolean.TRUE.equals(transaction.execute(status -> saved(authorization)))) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
        }
    }

    /** Saves the grant; false when it was a refresh with a token no longer current, and the grant ended instead. */
    private boolean saved(OAuth2Authorization authorization) {
        String presented = authorization.getAttribute(PRESENTED);
        OAuth2Authorization.Token<OAuth2RefreshToken> now = authorization.getRefreshToken();
        OAuth2Authorization unmarked = presented == null ? authorization
                : OAuth2Authorization.from(authorization).attributes(attributes -> attributes.remove(PRESENTED)).build();
        if (presented == null || now == null || same(presented, now.getToken().getTokenValue())) {
            grants.save(unmarked);
            return true;
        }
        return renew(unmarked, presented);
    }

    /** Saves the renewed grant if {@code presented} is still its refresh token, or else ends it; whether it saved. */
    private boolean renew(OAuth2Authorization renewed, String presented) {
        boolean current = grants.renew(renewed, presented);
        if (!current) {
            remove(renewed);
        }
        return current;
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        transaction.executeWithoutResult(status -> grants.remove(authorization));
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return transaction.execute(status -> grants.findById(id));
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return transaction.execute(status -> found(token, tokenType));
    }

    private OAuth2Authorization found(String token, OAuth2TokenType tokenType) {
        OAuth2Authorization found = grants.findByToken(token, tokenType);
        if (found != null && found.getRefreshToken() != null
                && token.equals(found.getRefreshToken().getToken().getTokenValue())) {
            return OAuth2Authorization.from(found).attribute(PRESENTED, token).build();
        }
        if (found == null && (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
            tokens.grantOf(token).map(grants::findById).ifPresent(this::remove);
        }
        return found;
    }

    private static boolean same(String token, String other) {
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), other.getBytes(StandardCharsets.UTF_8));
    }

}
