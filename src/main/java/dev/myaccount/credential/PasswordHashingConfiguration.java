package dev.myaccount.credential;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class PasswordHashingConfiguration {

    /** The id in front of each stored PHC string, so that another scheme can be added next to it later. */
    static final String ARGON2ID = "argon2id";

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    @Bean
    HashingGate hashingGate(HashingProperties hashing, MeterRegistry meters) {
        return new HashingGate(hashing.effectiveConcurrency(), hashing.queue(), hashing.maxWait(), meters);
    }

    @Bean
    PasswordEncoder passwordEncoder(HashingProperties hashing, HashingGate gate) {
        return new GatedPasswordEncoder(argon2id(hashing), gate);
    }

    /** Argon2id of the NFKC form, behind the {@code {argon2id}} id; no gate (for tests and tools). */
    static PasswordEncoder argon2id(HashingProperties hashing) {
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, hashing.parallelism(),
                hashing.memoryKib(), hashing.iterations());
        return new NormalisingPasswordEncoder(new DelegatingPasswordEncoder(ARGON2ID, Map.of(ARGON2ID, argon2)));
    }
}
