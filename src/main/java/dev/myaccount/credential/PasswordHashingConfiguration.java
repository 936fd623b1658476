package dev.myaccount.credential;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class PasswordHashingConfiguration {

    /** The id in front of each stored PHC string, so that another scheme can be added next to it later. */
    static final String ARGON2ID = "argon2id";

    private static final Logger log = LoggerFactory.getLogger(PasswordHashingConfiguration.class);

    @Bean
    Argon2idHasher argon2idHasher(HashingProperties hashing) {
        return fastest(hashing);
    }

    @Bean
    HashingGate hashingGate(HashingProperties hashing, MeterRegistry meters) {
        return new HashingGate(hashing.effectiveConcurrency(), hashing.queue(), hashing.maxWait(), meters);
    }

    @Bean
    PasswordEncoder passwordEncoder(Argon2idHasher hasher, HashingProperties hashing, HashingGate gate) {
        return new GatedPasswordEncoder(argon2id(hasher, hashing), gate);
    }

    /** Which Argon2id runs, in the health details of the management port. */
    @Bean
    HealthIndicator passwordHashing(Argon2idHasher hasher) {
        return () -> Health.up().withDetail("argon2id", hasher.implementation()).build();
    }

    /** Argon2id of the NFKC form, behind the {@code {argon2id}} id, by the fastest implementation; no gate. */
    static PasswordEncoder argon2id(HashingProperties hashing) {
        return argon2id(fastest(hashing), hashing);
    }

    private static PasswordEncoder argon2id(Argon2idHasher hasher, HashingProperties hashing) {
        return new DelegatingPasswordEncoder(ARGON2ID, Map.of(ARGON2ID, new Argon2idPasswordEncoder(hasher, hashing)));
    }

    /** libsodium where it loads; else BouncyCastle, said once in the log. */
    private static Argon2idHasher fastest(HashingProperties hashing) {
        try {
            return new SodiumArgon2id(hashing);
        } catch (LinkageError | IllegalStateException noNativeLibrary) {
            log.warn("libsodium's Argon2id cannot be used ({}); hashing passwords with BouncyCastle's Argon2id, "
                    + "which is slower and allocates its memory on the Java heap", noNativeLibrary.toString());
            return new BouncyCastleArgon2id(hashing);
        }
    }
}
