package dev.myaccount.reset;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.myaccount.securityinfo.MethodKind;

/**
 * Self-service password reset for organisations that have not set their own: {@code enabled}, how many
 * different methods a person proves ({@code methodsRequired}, 1 or 2), and which {@code kinds} count.
 */
@ConfigurationProperties("myaccount.reset")
public record ResetProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1") int methodsRequired,
        @DefaultValue({"EMAIL", "PHONE", "AUTHENTICATOR"}) Set<MethodKind> kinds) {
}
