package dev.myaccount.credential;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordHashingConfiguration {

    /** The id in front of each stored PHC string, so that another scheme can be added next to it later. */
    static final String ARGON2ID = "argon2id";

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    @Bean
    PasswordEncoder passwordEncoder(HashingProperties hashing) {
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, hashing.parallelism(),
                hashing.memoryKib(), hashing.iterations());
        return new NormalisingPasswordEncoder(new DelegatingPasswordEncoder(ARGON2ID, Map.of(ARGON2ID, argon2)));
    }
}
