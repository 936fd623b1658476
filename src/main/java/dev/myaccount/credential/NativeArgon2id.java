package dev.myaccount.credential;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

/**
 * Argon2id by libargon2, the reference C implementation, through argon2-jvm (which ships the library for
 * Linux, macOS and Windows on x86-64 and aarch64): its 19 MiB of blocks live off the Java heap, so hashing
 * makes no garbage, and it is about a third faster than BouncyCastle's Java code.
 */
final class NativeArgon2id implements Argon2idHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
    private final HashingProperties parameters;

    /** Loads the native library now, so that a machine without it is known at start-up; LinkageError if not. */
    NativeArgon2id(HashingProperties parameters) {
        this.parameters = parameters;
        argon2.hash(1, 8, 1, new byte[] {0});
    }

    @Override
    public String hash(byte[] password) {
        return argon2.hash(parameters.iterations(), parameters.memoryKib(), parameters.parallelism(), password);
    }

    @Override
    public boolean verify(byte[] password, String phc) {
        return argon2.verify(phc, password);
    }

    @Override
    public String implementation() {
        return "libargon2";
    }
}
