package dev.myaccount.credential;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Secret keys the portal makes for itself, to sign cookies and make keyed fingerprints: 256 random bits,
 * made by the first node that needs one and kept in the database, so every node and restart shares it.
 */
@Service
public class PortalKeys {

    private static final int KEY_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    PortalKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** HMAC-SHA256 of the data under the named key. */
    public byte[] sign(String keyName, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(keys.computeIfAbsent(keyName, this::loadOrCreate), HMAC));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] loadOrCreate(String name) {
        byte[] fresh = new byte[KEY_BYTES];
        random.nextBytes(fresh);
        // When another node made the key first, its key stays and this insert does nothing. A failed insert
        // would abort the caller's transaction on PostgreSQL, so the conflict is never raised.
        jdbc.sql("insert into portal_key (key_name, key_value) values (?, ?) on conflict do nothing")
                .params(name, Base64.getEncoder().encodeToString(fresh)).update();
        return Base64.getDecoder().decode(jdbc.sql("select key_value from portal_key where key_name = ?").param(name)
                .query(String.class).single());
    }
}
