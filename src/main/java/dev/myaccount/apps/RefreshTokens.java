package dev.myaccount.apps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;

/**
 * Refresh tokens that name their grant, in a form only the portal can make: Spring Authorization Server's random
 * token, the grant's id, and an HMAC-SHA256 of both under a key of the portal's ({@code PortalKeys}: the same on
 * every node). A token presented that the portal made but that is no longer its grant's current one was copied, and
 * its grant ends; so nothing needs to be kept of the tokens a grant has spent. Issued when Spring's own generator
 * would issue one. Not a token generator bean itself: Spring Authorization Server takes the one such bean there is,
 * all its tokens'.
 */
final class RefreshTokens {

    private static final char SEPARATOR = '.';

    private final OAuth2RefreshTokenGenerator random = new OAuth2RefreshTokenGenerator();
    /** HMAC-SHA256 under the portal's key for refresh tokens. */
    private final UnaryOperator<byte[]> hmac;

    RefreshTokens(UnaryOperator<byte[]> hmac) {
        this.hmac = hmac;
    }

    OAuth2RefreshToken generate(OAuth2TokenContext context) {
        OAuth2RefreshToken token = random.generate(context);
        if (token == null || context.getAuthorization() == null) {
            return token;
        }
        String named = token.getTokenValue() + SEPARATOR + context.getAuthorization().getId();
        return new OAuth2RefreshToken(named + SEPARATOR + mac(named), token.getIssuedAt(), token.getExpiresAt());
    }

    /** The grant a token was made for, when the portal made it. */
    Optional<String> grantOf(String token) {
        int macStart = token.lastIndexOf(SEPARATOR);
        int grantStart = macStart < 0 ? -1 : token.lastIndexOf(SEPARATOR, macStart - 1);
        if (grantStart < 0) {
            return Optional.empty();
        }
        String named = token.substring(0, macStart);
        boolean made = MessageDigest.isEqual(mac(named).getBytes(StandardCharsets.US_ASCII),
                token.substring(macStart + 1).getBytes(StandardCharsets.US_ASCII));
        return made ? Optional.of(token.substring(grantStart + 1, macStart)) : Optional.empty();
    }

    private String mac(String named) {
        byte[] signed = hmac.apply(named.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }
}
