package dev.myaccount.apps;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.myaccount.securityinfo.SealedSecrets;

/**
 * The keys every node signs tokens with, ES256 and RS256: made by the portal, kept sealed in the database, so that
 * a key made or rotated on one node signs on all. The newest key of each algorithm signs; a new one is made when it
 * is older than the rotation period, and an old one stays published (in the JWKS) until the tokens it signed have
 * expired. Each node reads them again a minute after it last did, and sooner when asked to check a token signed
 * with a key it does not know (made since, on another node).
 */
@Component
class SigningKeys implements JWKSource<SecurityContext> {

    private static final Duration RELOAD_AFTER = Duration.ofMinutes(1);
    private static final Duration RELOAD_ON_MISS_AFTER = Duration.ofSeconds(1);

    static final List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final JdbcClient jdbc;
    private final SealedSecrets sealed;
    private final AppsProperties settings;
    private final Clock clock;
    private volatile Loaded loaded;

    /** The keys as last read: the signing ones (private) and the published ones (public), and when. */
    private record Loaded(List<JWK> signing, List<JWK> published, Instant at) {
    }

    SigningKeys(JdbcClient jdbc, SealedSecrets sealed, AppsProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.sealed = sealed;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * To sign, the selector names an algorithm and no key: it gets that algorithm's newest key. To verify, and for
     * the JWKS, it gets every published key, from which it picks.
     */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        var matcher = selector.getMatcher();
        boolean signing = matcher.getAlgorithms() != null
                && (matcher.getKeyIDs() == null || matcher.getKeyIDs().stream().allMatch(Objects::isNull));
        Loaded keys = current();
        List<JWK> found = selector.select(new JWKSet(signing ? keys.signing() : keys.published()));
        // A key unknown here is read again at most once a second, so that tokens with made-up key ids cost little.
        if (found.isEmpty() && !signing && keys.at().plus(RELOAD_ON_MISS_AFTER).isBefore(clock.instant())) {
            found = selector.select(new JWKSet(reload().published()));
        }
        return found;
    }

    private Loaded current() {
        Loaded keys = loaded;
        return keys != null && keys.at().plus(RELOAD_AFTER).isAfter(clock.instant()) ? keys : reload();
    }

    private synchronized Loaded reload() {
        Loaded keys = new Loaded(signingKeys(), published(), clock.instant());
        loaded = keys;
        return keys;
    }

    private List<JWK> signingKeys() {
        List<JWK> keys = new ArrayList<>();
        for (JWSAlgorithm algorithm : ALGORITHMS) {
            keys.add(newest(algorithm));
        }
        return keys;
    }

    private JWK newest(JWSAlgorithm algorithm) {
        Instant now = clock.instant();
        return jdbc.sql("select sealed_jwk from signing_key where algorithm = ? and created_at > ?"
                        + " order by created_at desc limit 1")
                .params(algorithm.getName(), now.minus(settings.keyRotation()).atOffset(ZoneOffset.UTC))
                .query(String.class).optional().map(this::open).orElseGet(() -> make(algorithm, now));
    }

    /** The keys a token may be checked against, today's among them (read after they were made). */
    private List<JWK> published() {
        Instant oldest = clock.instant().minus(settings.keyRotation()).minus(settings.longestTokenLife());
        return jdbc.sql("select sealed_jwk from signing_key where created_at > ? order by created_at desc")
                .param(oldest.atOffset(ZoneOffset.UTC)).query(String.class).list().stream()
                .map(sealedJwk -> open(sealedJwk).toPublicJWK()).toList();
    }

    private JWK make(JWSAlgorithm algorithm, Instant now) {
        JWKGenerator<? extends JWK> generator = JWSAlgorithm.ES256.equals(algorithm) ? new ECKeyGenerator(Curve.P_256)
                : new RSAKeyGenerator(RSAKeyGenerator.MIN_KEY_SIZE_BITS);
        try {
            JWK key = generator.keyUse(KeyUse.SIGNATURE).algorithm(algorithm).keyID(UUID.randomUUID().toString())
                    .issueTime(Date.from(now)).generate();
            jdbc.sql("insert into signing_key (key_id, algorithm, sealed_jwk, created_at) values (?, ?, ?, ?)")
                    .params(key.getKeyID(), algorithm.getName(), sealed.seal(key.toJSONString()),
                            now.atOffset(ZoneOffset.UTC))
                    .update();
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make a signing key", e);
        }
    }

    private JWK open(String sealedJwk) {
        try {
            return JWK.parse(sealed.open(sealedJwk));
        } catch (ParseException e) {
            throw new IllegalStateException("A signing key in the database is not a JWK", e);
        }
    }
}
