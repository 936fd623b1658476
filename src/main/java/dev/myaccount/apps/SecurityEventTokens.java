package dev.myaccount.apps;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import dev.myaccount.web.PublicAddress;

/**
 * Security Event Tokens (RFC 8417) as the CAEP interoperability profile shapes them: signed with the portal's keys
 * (the JWKS apps already read), typed {@code secevent+jwt}, for one app, about one subject, with one event.
 */
@Component
class SecurityEventTokens {

    private final NimbusJwtEncoder tokens;
    private final PublicAddress issuer;
    private final Clock clock;

    SecurityEventTokens(SigningKeys keys, PublicAddress issuer, Clock clock) {
        this.tokens = new NimbusJwtEncoder(keys);
        this.issuer = issuer;
        this.clock = clock;
    }

    /** An event about a person, known to apps by their {@code sub}, the account id. */
    String aboutPerson(String clientId, UUID accountId, SignalEvent event, Map<String, Object> details) {
        return token(clientId, Map.of("format", "iss_sub", "iss", issuer.url(), "sub", accountId.toString()), event,
                details);
    }

    /** The answer to a receiver's request to verify its stream, about the stream itself. */
    String verification(String clientId, String streamId, String state) {
        return token(clientId, Map.of("format", "opaque", "id", streamId), SignalEvent.VERIFICATION,
                state == null ? Map.of() : Map.of("state", state));
    }

    private String token(String clientId, Map<String, Object> subject, SignalEvent event, Map<String, Object> details) {
        Map<String, Object> payload = new LinkedHashMap<>(details);
        if (event != SignalEvent.VERIFICATION) {
            payload.put("event_timestamp", clock.instant().getEpochSecond());
        }
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer.url()).audience(List.of(clientId))
                .issuedAt(clock.instant()).id(UUID.randomUUID().toString()).claim("sub_id", subject)
                .claim("events", Map.of(event.uri, payload)).build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("secevent+jwt").build();
        return tokens.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
