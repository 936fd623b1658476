package dev.myaccount.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.myaccount.credential.PortalKeys;

/**
 * Browsers that have signed in to an account before carry a long-lived device cookie, signed by the
 * portal; failures from such a browser are counted apart, so an attacker elsewhere cannot lock the owner
 * out of their own laptop.
 */
@Component
class FamiliarDevices {

    static final String COOKIE = "myaccount-device";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final PortalKeys keys;
    private final SignInProperties settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    FamiliarDevices(JdbcClient jdbc, PortalKeys keys, SignInProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /** The device id of the request's cookie, when its signature is the portal's. */
    Optional<String> deviceId(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            String[] parts = cookie.getName().equals(COOKIE) ? cookie.getValue().split("\\.", 2) : new String[0];
            if (parts.length == 2 && MessageDigest.isEqual(sign(parts[0]).getBytes(StandardCharsets.US_ASCII),
                    parts[1].getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(parts[0]);
            }
        }
        return Optional.empty();
    }

    boolean isFamiliar(UUID accountId, String deviceId) {
        return jdbc.sql("select count(*) from familiar_device where account_id = ? and device_id = ?")
                .params(accountId, deviceId).query(Integer.class).single() > 0;
    }

    /** Marks the browser as familiar to the account, giving it a device cookie when it has none. */
    void remember(UUID accountId, Optional<String> knownDevice, HttpServletRequest request,
            HttpServletResponse response) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        String deviceId = knownDevice.orElseGet(this::newDeviceId);
        // A new id is random, so no row can have it yet: it is inserted without an update that looks first.
        // Tabs of one browser signing in at once all find no row; one inserts it, the rest are done.
        boolean seenBefore = knownDevice.isPresent()
                && jdbc.sql("update familiar_device set last_seen = ? where account_id = ? and device_id = ?")
                        .params(now, accountId, deviceId).update() > 0;
        if (!seenBefore) {
            jdbc.sql("""
                    insert into familiar_device (account_id, device_id, last_seen) values (?, ?, ?)
                    on conflict do nothing""")
                    .params(accountId, deviceId, now).update();
        }
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, deviceId + "." + sign(deviceId))
                .path("/").httpOnly(true).sameSite("Lax").secure(request.isSecure())
                .maxAge(settings.familiarDeviceLifetime()).build().toString());
    }

    private String newDeviceId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return BASE64.encodeToString(id);
    }

    private String sign(String deviceId) {
        return BASE64.encodeToString(keys.sign("device-cookie", deviceId.getBytes(StandardCharsets.UTF_8)));
    }
}
