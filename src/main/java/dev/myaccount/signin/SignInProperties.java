package dev.myaccount.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in protection: smart lockout after {@code lockoutThreshold} wrong passwords, for
 * {@code lockoutDuration}, doubling with each further lockout up to {@code lockoutMaximum}; at most
 * {@code failuresPerAddress} failed sign-ins (wrong passwords, unknown accounts) per client address (an IPv6
 * /64) in each {@code failuresWindow}. Successful sign-ins do not count, so an office behind one address
 * never meets the default: 300 failures in 5 minutes is nearly a third of 1,000 people mistyping at once.
 * A second sign-in step must be done within {@code secondStepLifetime} and {@code secondStepAttempts} codes;
 * sensitive changes need a sign-in (or a confirmation of who the person is) within {@code confirmationAge}.
 */
@ConfigurationProperties("myaccount.signin")
public record SignInProperties(
        @DefaultValue("10") int lockoutThreshold,
        @DefaultValue("60s") Duration lockoutDuration,
        @DefaultValue("1h") Duration lockoutMaximum,
        @DefaultValue("300") int failuresPerAddress,
        @DefaultValue("5m") Duration failuresWindow,
        @DefaultValue("400d") Duration familiarDeviceLifetime,
        @DefaultValue("5m") Duration secondStepLifetime,
        @DefaultValue("5") int secondStepAttempts,
        @DefaultValue("10m") Duration confirmationAge) {
}
