package dev.myaccount.securityinfo;

import java.time.Instant;
import java.util.UUID;

/**
 * One of a person's sign-in methods. {@code secret} is what the method works with (a sealed authenticator
 * secret, an email address, a phone number in E.164) and never reaches a page; {@code shown} does.
 */
public record SignInMethod(UUID id, UUID accountId, MethodKind kind, String secret, boolean isDefault,
        Instant createdAt, Instant lastUsedAt) {

    /** What a page shows of the method: an email address, the last digits of a phone number, nothing of a secret. */
    public String shown() {
        return switch (kind) {
            case AUTHENTICATOR, PASSKEY -> "";
            case EMAIL -> secret;
            case PHONE -> "•••• " + secret.substring(Math.max(0, secret.length() - 4));
        };
    }
}
