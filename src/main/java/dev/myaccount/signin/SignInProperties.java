package dev.myaccount.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in protection: smart lockout after {@code lockoutThreshold} wrong passwords, for
 * {@code lockoutDuration}, doubling with each further lockout up to {@code lockoutMaximum}; at most
 * {@code attemptsPerAddress} sign-in attempts per client address in each {@code attemptsWindow}.
 */
@ConfigurationProperties("myaccount.signin")
public record SignInProperties(
        @DefaultValue("10") int lockoutThreshold,
        @DefaultValue("60s") Duration lockoutDuration,
        @DefaultValue("1h") Duration lockoutMaximum,
        @DefaultValue("30") int attemptsPerAddress,
        @DefaultValue("1m") Duration attemptsWindow,
        @DefaultValue("400d") Duration familiarDeviceLifetime) {
}
