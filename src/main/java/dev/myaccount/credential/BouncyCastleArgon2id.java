package dev.myaccount.credential;

import java.security.MessageDigest;
import java.security.SecureRandom;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id by BouncyCastle, in Java: the fallback where libargon2 cannot be loaded. Its memory is on the
 * Java heap (19 MiB of garbage a hash), which is why the native one is preferred.
 */
final class BouncyCastleArgon2id implements Argon2idHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final HashingProperties parameters;
    private final SecureRandom random = new SecureRandom();

    BouncyCastleArgon2id(HashingProperties parameters) {
        this.parameters = parameters;
    }

    @Override
    public String hash(byte[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        int m = parameters.memoryKib();
        int t = parameters.iterations();
        int p = parameters.parallelism();
        return new PhcString(m, t, p, salt, compute(password, salt, m, t, p, HASH_BYTES)).format();
    }

    @Override
    public boolean verify(byte[] password, String phc) {
        PhcString stored = PhcString.parse(phc);
        return MessageDigest.isEqual(stored.hash(), compute(password, stored.salt(), stored.memoryKib(),
                stored.iterations(), stored.parallelism(), stored.hash().length));
    }

    @Override
    public String implementation() {
        return "BouncyCastle";
    }

    private static byte[] compute(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism,
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
