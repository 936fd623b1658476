package dev.myaccount.reset;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.myaccount.securityinfo.MethodKind;

/**
 * Self-service password reset for organisations that have not set their own: {@code enabled}, how many
 * different methods a person proves ({@code methodsRequired}, 1 or 2), and which {@code kinds} count. A client
 * address may begin {@code startsPerAddress} resets in each {@code startsWindow}: plenty for people, too few
 * for a script.
 */
@ConfigurationProperties("myaccount.reset")
public record ResetProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1") int methodsRequired,
        @DefaultValue({"EMAIL", "PHONE", "AUTHENTICATOR", "PASSKEY"}) Set<MethodKind> kinds,
        @DefaultValue("10") int startsPerAddress,
        @DefaultValue("15m") Duration startsWindow) {
}
