package dev.myaccount.credential;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id by BouncyCastle, in Java: the fallback where libsodium cannot be loaded. Its memory is on the
 * Java heap (19 MiB of garbage a hash), which is why the native one is preferred.
 */
final class BouncyCastleArgon2id extends Argon2idHasher {

    BouncyCastleArgon2id(HashingProperties parameters) {
        super(parameters);
    }

    @Override
    String implementation() {
        return "BouncyCastle";
    }

    @Override
    byte[] tag(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        return compute(password, salt, memoryKib, iterations, parallelism, length);
    }

    static byte[] compute(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism,
            int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(memoryKib)
                .withIterations(iterations).withParallelism(parallelism).build());
        byte[] hash = new byte[length];
        generator.generateBytes(password, hash);
        return hash;
    }
}
