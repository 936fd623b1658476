package dev.myaccount.support;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;

import dev.myaccount.securityinfo.MethodKind;
import dev.myaccount.securityinfo.SealedSecrets;
import dev.myaccount.securityinfo.SignInMethods;

/** Gives test people sign-in methods, and plays their authenticator app. */
public class TestMethods {

    private final SignInMethods methods;
    private final SealedSecrets sealed;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    TestMethods(SignInMethods methods, SealedSecrets sealed, Clock clock, JdbcClient jdbc) {
        this.methods = methods;
        this.sealed = sealed;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * Gives the person a passkey, stored as Spring Security stores one an authenticator made (its public key a
     * placeholder, so it signs no one in); returns its credential id as the portal's pages name it.
     */
    public String addPasskey(String upn, String label) {
        jdbc.sql("insert into user_entities (id, name, display_name) values (?, ?, ?) on conflict do nothing")
                .params(randomId(), upn, label).update();
        String handle = jdbc.sql("select id from user_entities where name = ?").param(upn).query(String.class)
                .single();
        String credential = randomId();
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("""
                insert into user_credentials (credential_id, user_entity_user_id, public_key, signature_count,
                    uv_initialized, backup_eligible, authenticator_transports, public_key_credential_type,
                    backup_state, created, last_used, label)
                values (?, ?, ?, 0, true, false, 'internal', 'public-key', false, ?, ?, ?)""")
                .params(credential, handle, new byte[] {1}, now, now, label).update();
        return credential;
    }

    private String randomId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    /** Adds an authenticator app to the person's methods; returns its secret, as the app keeps it. */
    public String addAuthenticator(UUID accountId) {
        String secret = new DefaultSecretGenerator(32).generate();
        methods.add(accountId, MethodKind.AUTHENTICATOR, sealed.seal(secret)).orElseThrow();
        return secret;
    }

    /** Adds a phone of a number made for the person (E.164), and returns the number. */
    public String addPhone(UUID accountId) {
        String number = "+3161" + String.format("%07d", Math.floorMod(accountId.hashCode(), 10_000_000));
        methods.add(accountId, MethodKind.PHONE, number).orElseThrow();
        return number;
    }

    public UUID addEmail(UUID accountId, String address) {
        return methods.add(accountId, MethodKind.EMAIL, address).orElseThrow().id();
    }

    /** The code an authenticator app with {@code secret} shows now, or {@code stepsLater} steps of 30 s later. */
    public String code(String secret, int stepsLater) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret,
                    clock.instant().getEpochSecond() / 30 + stepsLater);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    public String code(String secret) {
        return code(secret, 0);
    }
}
