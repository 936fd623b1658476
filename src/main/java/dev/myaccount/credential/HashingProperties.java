package dev.myaccount.credential;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Argon2id parameters; the defaults are OWASP's (19 MiB, 2 iterations, 1 lane). Hashes made with
 * weaker parameters are replaced at the next successful sign-in.
 */
@ConfigurationProperties("myaccount.password-hashing")
public record HashingProperties(
        @DefaultValue("19456") int memoryKib,
        @DefaultValue("2") int iterations,
        @DefaultValue("1") int parallelism) {
}
