package dev.myaccount.apps;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

import dev.myaccount.credential.TokenHashes;

/**
 * Refresh tokens that rotate, with reuse detection (OAuth 2.0 Security BCP, 4.14.2): each refresh gives a new token
 * and keeps a hash of the one it replaced; when a replaced token is presented again, one of its two holders stole it,
 * so the whole grant ends (its current refresh token and its access tokens with it) and both must sign in again.
 */
final class RotatedRefreshTokens implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService grants;
    private final JdbcClient jdbc;
    private final Clock clock;

    RotatedRefreshTokens(OAuth2AuthorizationService grants, JdbcClient jdbc, Clock clock) {
        this.grants = grants;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OAuth2RefreshToken> now = authorization.getRefreshToken();
        // A grant without a refresh token (client credentials, a code not yet traded) never had one to spend.
        OAuth2Authorization before = now == null ? null : grants.findById(authorization.getId());
        OAuth2Authorization.Token<OAuth2RefreshToken> spent = before == null ? null : before.getRefreshToken();
        if (spent != null && !now.getToken().getTokenValue().equals(spent.getToken().getTokenValue())) {
            // Two refreshes racing with one token both spend it; the second finds its hash kept already.
            jdbc.sql("insert into spent_refresh_token (token_hash, authorization_id, spent_at) values (?, ?, ?)"
                    + " on conflict do nothing")
                    .params(TokenHashes.of(spent.getToken().getTokenValue()), authorization.getId(),
                            clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
        }
        grants.save(authorization);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        grants.remove(authorization);
        jdbc.sql("delete from spent_refresh_token where authorization_id = ?").param(authorization.getId()).update();
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return grants.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        OAuth2Authorization found = grants.findByToken(token, tokenType);
        if (found == null && (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
            jdbc.sql("select authorization_id from spent_refresh_token where token_hash = ?")
                    .param(TokenHashes.of(token))
                    .query(String.class).optional().map(grants::findById).ifPresent(this::remove);
        }
        return found;
    }

}
