package dev.myaccount.scim;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.myaccount.credential.TokenHashes;

/**
 * Bearer tokens of an organisation's SCIM provisioning clients (Entra, Okta): made by an admin, shown once,
 * revocable. A token is 256 random bits, so a plain SHA-256 of it is all that is kept, and it is found by
 * that hash; guessing one is out of reach.
 */
@Service
public class ScimTokens {

    public static final int LONGEST_NAME = 100;
    private static final String PREFIX = "scim_";
    /** The last-used time is written at most this often, not on every request of a provisioning run. */
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    /** A token just made: {@code token} is its only clear copy. */
    public record Issued(UUID id, String token) {
    }

    /** A token as its organisation's admin sees it. */
    public record Listed(UUID id, String name, Instant createdAt, String createdBy, Instant lastUsedAt,
            Instant revokedAt) {
    }

    /** Whose token a request carried. */
    public record Holder(UUID tokenId, UUID organisationId, String name) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ScimTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Issued create(UUID organisationId, String name, String createdBy) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into scim_token (id, organisation_id, name, token_hash, created_at, created_by)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, name, TokenHashes.of(token), now(), createdBy).update();
        return new Issued(id, token);
    }

    /** The holder of a live token; records when it was used. */
    public Optional<Holder> verify(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<Holder> holder = jdbc.sql("""
                select id, organisation_id, name from scim_token where token_hash = ? and revoked_at is null""")
                .param(TokenHashes.of(token))
                .query((rs, n) -> new Holder(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                        rs.getString("name")))
                .optional();
        holder.ifPresent(found -> jdbc.sql("""
                update scim_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)""")
                .params(now(), found.tokenId(), now().minus(USE_RECORDED_EVERY)).update());
        return holder;
    }

    /** Revokes one of the organisation's tokens; false when it has no such live token. */
    public boolean revoke(UUID organisationId, UUID tokenId) {
        return jdbc.sql("""
                update scim_token set revoked_at = ? where id = ? and organisation_id = ? and revoked_at is null""")
                .params(now(), tokenId, organisationId).update() == 1;
    }

    /** The organisation's tokens, newest first, revoked ones included. */
    public List<Listed> of(UUID organisationId) {
        return jdbc.sql("""
                select id, name, created_at, created_by, last_used_at, revoked_at from scim_token
                where organisation_id = ? order by created_at desc""")
                .param(organisationId)
                .query((rs, n) -> new Listed(rs.getObject("id", UUID.class), rs.getString("name"),
                        instant(rs.getObject("created_at", OffsetDateTime.class)), rs.getString("created_by"),
                        instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class))))
                .list();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
