package dev.myaccount.securityinfo.totp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

import dev.myaccount.securityinfo.MethodCheck;
import dev.myaccount.securityinfo.MethodKind;
import dev.myaccount.securityinfo.OneTimeCodes;
import dev.myaccount.securityinfo.SealedSecrets;
import dev.myaccount.securityinfo.SignInMethod;

/**
 * Authenticator app codes (RFC 6238: 30-second steps, 6 digits, HMAC-SHA1, what every app makes). A code of
 * the current step or the one before or after is right, compared in constant time; each step is accepted
 * once, so a code seen over someone's shoulder cannot be used again.
 */
@Component
class AuthenticatorCodes implements MethodCheck {

    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;

    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final SealedSecrets sealed;
    private final JdbcClient jdbc;
    private final Clock clock;

    AuthenticatorCodes(SealedSecrets sealed, JdbcClient jdbc, Clock clock) {
        this.sealed = sealed;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public MethodKind kind() {
        return MethodKind.AUTHENTICATOR;
    }

    @Override
    public Sending send(SignInMethod method, String purpose, OneTimeCodes.Budget budget, Locale language,
            String clientAddress) {
        return Sending.NOT_NEEDED;
    }

    @Override
    public boolean check(SignInMethod method, String purpose, String code) {
        OptionalLong step = matchingStep(sealed.open(method.secret()), code);
        return step.isPresent() && takeStep(method.id(), step.getAsLong());
    }

    /**
     * Marks the step's code as used by the method; false when it or a later one was used before. In one
     * statement, so that of two requests with the same code one wins.
     */
    boolean takeStep(UUID methodId, long step) {
        return jdbc.sql("""
                update sign_in_method set last_step = ? where id = ? and (last_step is null or last_step < ?)""")
                .params(step, methodId, step).update() == 1;
    }

    /** The time step, within one of now, whose code is {@code code}; checked before any enrolment is saved. */
    OptionalLong matchingStep(String secret, String code) {
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        long now = clock.instant().getEpochSecond() / STEP_SECONDS;
        OptionalLong found = OptionalLong.empty();
        for (long step = now - 1; step <= now + 1; step++) {
            // Every step is compared, so the time taken does not tell which one matched.
            if (MessageDigest.isEqual(generate(secret, step), typed.getBytes(StandardCharsets.US_ASCII))
                    && found.isEmpty()) {
                found = OptionalLong.of(step);
            }
        }
        return found;
    }

    private byte[] generate(String secret, long step) {
        try {
            return codes.generate(secret, step).getBytes(StandardCharsets.US_ASCII);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}
