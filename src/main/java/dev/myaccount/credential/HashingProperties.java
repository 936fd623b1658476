package dev.myaccount.credential;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Argon2id parameters, OWASP's by default (19 MiB, 2 iterations, 1 lane); hashes made with weaker
 * parameters are replaced at the next successful sign-in. Each hash takes its memory for its whole run,
 * so at most {@code concurrency} run at once (0: one per processor); at most {@code queue} more wait, for
 * up to {@code maxWait}, and any beyond are turned away at once. {@code implementation} is {@code auto} (the fastest
 * measured at start-up), {@code libsodium}, {@code libargon2} or {@code bouncycastle}.
 */
@ConfigurationProperties("myaccount.password-hashing")
public record HashingProperties(
        @DefaultValue("19456") int memoryKib,
        @DefaultValue("2") int iterations,
        @DefaultValue("1") int parallelism,
        @DefaultValue("0") int concurrency,
        @DefaultValue("64") int queue,
        @DefaultValue("5s") Duration maxWait,
        @DefaultValue("auto") String implementation) {


    public int effectiveConcurrency() {
        return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
    }
}
