package dev.myaccount.securityinfo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.myaccount.credential.PortalKeys;
import dev.myaccount.securityinfo.MethodCheck.Sending;
import dev.myaccount.web.AddressRateLimiter;
import dev.myaccount.web.RateLimiter;
import dev.myaccount.web.RateLimits;

/**
 * Six-digit codes sent by email or text message: random, kept only as a keyed hash, valid for ten minutes
 * and five tries, used once, and replaced by the next code for the same purpose. Sending is limited per
 * person and per client address, so that the portal cannot be made to flood someone's phone.
 */
@Service
public class OneTimeCodes {

    private static final int CODE_BOUND = 1_000_000;

    private final JdbcClient jdbc;
    private final PortalKeys keys;
    private final SecurityInfoProperties settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final RateLimiter perPerson;
    private final RateLimiter resetsPerPerson;
    private final RateLimiter perDestination;
    private final AddressRateLimiter perAddress;

    OneTimeCodes(JdbcClient jdbc, PortalKeys keys, SecurityInfoProperties settings, Clock clock, RateLimits limits) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.perPerson = limits.limiter("codes-per-person", settings.codesPerPerson(), settings.codeWindow());
        this.resetsPerPerson = limits.limiter("reset-codes-per-person", settings.codesPerPerson(),
                settings.codeWindow());
        this.perDestination = limits.limiter("codes-per-destination", settings.codesPerDestination(),
                settings.codeWindow());
        this.perAddress = limits.perAddress("codes-per-address", settings.codesPerAddress(), settings.codeWindow());
    }

    /**
     * Whose limits a code is sent on. A stranger who knows a UPN may begin a reset, so its codes have a budget of
     * their own and never use up the person's sign-in codes; a code to an address or number of the person's own
     * methods (sign-in, confirmation) is limited per person; codes to a new destination (a method being added) and
     * reset codes are limited per destination too, so that no one can pump messages to one number.
     */
    public enum Budget { OWN, NEW_DESTINATION, RESET }

    /** Makes a new code for {@code purpose} and hands it to {@code deliver}, unless the limits refuse. */
    public Sending send(UUID accountId, String purpose, Budget budget, String destination, String clientAddress,
            Consumer<String> deliver) {
        RateLimiter person = budget == Budget.RESET ? resetsPerPerson : perPerson;
        if (!person.tryTake(accountId)) {
            return Sending.TOO_MANY;
        }
        if (budget != Budget.OWN && !perDestination.tryTake(destination)) {
            person.giveBack(accountId);
            return Sending.TOO_MANY;
        }
        if (!perAddress.tryTake(clientAddress)) {
            person.giveBack(accountId);
            if (budget != Budget.OWN) {
                perDestination.giveBack(destination);
            }
            return Sending.TOO_MANY;
        }
        String code = String.format("%06d", random.nextInt(CODE_BOUND));
        store(accountId, purpose, destination, code);
        deliver.accept(code);
        return Sending.SENT;
    }

    /** The new code in place of any earlier one; two at once cannot collide, the later one wins. */
    private void store(UUID accountId, String purpose, String destination, String code) {
        jdbc.sql("""
                insert into one_time_code (account_id, purpose, destination, code_hash, tries, expires_at)
                values (?, ?, '', '', 0, ?) on conflict do nothing""")
                .params(accountId, purpose, now()).update();
        jdbc.sql("""
                update one_time_code set destination = ?, code_hash = ?, tries = 0, expires_at = ?
                where account_id = ? and purpose = ?""")
                .params(destination, hash(accountId, purpose, destination, code), now().plus(settings.codeLifetime()),
                        accountId, purpose)
                .update();
    }

    /** Whether {@code code} is the live code for {@code purpose} sent to {@code destination}; a right one is spent. */
    @Transactional
    public boolean check(UUID accountId, String purpose, String destination, String code) {
        record Stored(String hash, int tries, OffsetDateTime expiresAt) {
        }
        var stored = jdbc.sql("""
                select code_hash, tries, expires_at from one_time_code where account_id = ? and purpose = ?
                for update""")
                .params(accountId, purpose)
                .query((rs, n) -> new Stored(rs.getString("code_hash"), rs.getInt("tries"),
                        rs.getObject("expires_at", OffsetDateTime.class)))
                .optional();
        if (stored.isEmpty()) {
            return false;
        }
        if (stored.get().tries() >= settings.codeTries() || !stored.get().expiresAt().isAfter(now())) {
            jdbc.sql("delete from one_time_code where account_id = ? and purpose = ?").params(accountId, purpose)
                    .update();
            return false;
        }
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        boolean right = MessageDigest.isEqual(stored.get().hash().getBytes(StandardCharsets.US_ASCII),
                hash(accountId, purpose, destination, typed).getBytes(StandardCharsets.US_ASCII));
        if (right) {
            jdbc.sql("delete from one_time_code where account_id = ? and purpose = ?").params(accountId, purpose)
                    .update();
        } else {
            jdbc.sql("update one_time_code set tries = tries + 1 where account_id = ? and purpose = ?")
                    .params(accountId, purpose).update();
        }
        return right;
    }

    private String hash(UUID accountId, String purpose, String destination, String code) {
        byte[] mac = keys.sign("one-time-code",
                String.join("\n", accountId.toString(), purpose, destination, code).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
