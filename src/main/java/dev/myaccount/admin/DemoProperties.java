package dev.myaccount.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo mode fills an empty database with the Contoso organisation. {@code password}, when set, is every
 * demo person's password (for scripted use); otherwise each gets a random one, printed once.
 */
@ConfigurationProperties("myaccount.demo")
public record DemoProperties(boolean enabled, String password) {
}
