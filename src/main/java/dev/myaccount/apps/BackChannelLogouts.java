package dev.myaccount.apps;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.myaccount.web.PublicAddress;

/**
 * Tells an app that a person's sign-in to it ended (OpenID Connect Back-Channel Logout 1.0): a logout token signed
 * with the portal's keys, with {@code sub} and {@code sid}, posted to the address the app registered. An app that
 * does not answer 2xx is told again later, from whichever node finds the delivery unfinished.
 */
@Component
class BackChannelLogouts {

    private static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    private static final Duration TOKEN_LIFE = Duration.ofMinutes(2);

    private final NimbusJwtEncoder tokens;
    private final PublicAddress issuer;
    private final Clock clock;
    private final AppServerPosts posts;

    BackChannelLogouts(SigningKeys keys, PublicAddress issuer, Clock clock, AppServerPosts posts) {
        this.posts = posts;
        this.tokens = new NimbusJwtEncoder(keys);
        this.issuer = issuer;
        this.clock = clock;
    }

    /** Outside a transaction: no database connection is held while the app answers. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void tell(LogoutToTell logout) throws IOException, InterruptedException {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer.url()).audience(List.of(logout.clientId()))
                .issuedAt(now).expiresAt(now.plus(TOKEN_LIFE)).id(UUID.randomUUID().toString())
                .subject(logout.accountId().toString()).claim("sid", logout.sessionId())
                .claim("events", Map.of(EVENT, Map.of())).build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("logout+jwt").build();
        String token = tokens.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        String body = "logout_token=" + URLEncoder.encode(token, StandardCharsets.US_ASCII);
        int status = posts.post(logout.logoutUri(), body, "Content-Type", "application/x-www-form-urlencoded");
        if (status / 100 != 2) {
            throw new IOException("The app " + logout.clientId() + " answered a back-channel logout with " + status
                    + "; it is told again later");
        }
    }
}
