package dev.myaccount.credential;

import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.myaccount.running.RunningRequests;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class PasswordHashingConfiguration {

    /** The id in front of each stored PHC string, so that another scheme can be added next to it later. */
    static final String ARGON2ID = "argon2id";


    @Bean
    FastestArgon2id fastestArgon2id(HashingProperties hashing, MeterRegistry meters) {
        FastestArgon2id fastest = FastestArgon2id.choose(hashing);
        fastest.hashesPerSecond().keySet().forEach(implementation -> {
            Gauge.builder("myaccount.password.hashing.measured", () -> fastest.hashesPerSecond().get(implementation))
                    .description("Argon2id hashes a second of one thread, its best of the last measurements")
                    .tag("implementation", implementation).register(meters);
            Gauge.builder("myaccount.password.hashing.chosen",
                    () -> implementation.equals(fastest.hasher().implementation()) ? 1 : 0)
                    .description("1 for the Argon2id implementation that hashes now")
                    .tag("implementation", implementation).register(meters);
        });
        return fastest;
    }

    @Bean
    Argon2idHasher argon2idHasher(FastestArgon2id fastest) {
        return fastest.hasher();
    }

    @Bean
    HashingGate hashingGate(HashingProperties hashing, RunningRequests running, MeterRegistry meters) {
        return new HashingGate(hashing.effectiveConcurrency(), hashing.queue(), hashing.maxWait(), running, meters);
    }

    @Bean
    PasswordEncoder passwordEncoder(Argon2idHasher hasher, HashingProperties hashing, HashingGate gate) {
        return new GatedPasswordEncoder(argon2id(hasher, hashing), gate);
    }

    /** Which Argon2id runs and what each measured, in the health details of the management port. */
    @Bean
    HealthIndicator passwordHashing(FastestArgon2id fastest) {
        return () -> Health.up().withDetail("argon2id", fastest.hasher().implementation())
                .withDetail("measuredHashesPerSecond", fastest.hashesPerSecond()).build();
    }

    /** Argon2id of the NFKC form, behind the {@code {argon2id}} id, by the fastest implementation; no gate. */
    static PasswordEncoder argon2id(HashingProperties hashing) {
        return argon2id(FastestArgon2id.choose(hashing).hasher(), hashing);
    }

    private static PasswordEncoder argon2id(Argon2idHasher hasher, HashingProperties hashing) {
        return new DelegatingPasswordEncoder(ARGON2ID, Map.of(ARGON2ID, new Argon2idPasswordEncoder(hasher, hashing)));
    }
}
