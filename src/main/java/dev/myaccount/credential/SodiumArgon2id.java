package dev.myaccount.credential;

import java.io.IOException;

import com.goterl.lazysodium.Sodium;
import com.goterl.lazysodium.SodiumJava;
import com.goterl.lazysodium.utils.LibraryLoader;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/**
 * Argon2id by libsodium, through lazysodium (which ships libsodium for Linux, macOS and Windows on x86-64 and
 * aarch64): libsodium picks the processor's vector instructions at run time, which made hashing 1.15–1.25× faster
 * than libargon2's reference code on the development machine (docs/benchmarks.md). It maps its 19 MiB of blocks
 * for each hash, off the Java heap, so hashing makes no garbage and keeps no memory between sign-ins. libsodium
 * computes one lane, with 16-byte salts: a stored hash of more lanes or another salt length is checked by
 * BouncyCastle.
 */
final class SodiumArgon2id extends Argon2idHasher {

    /** {@code crypto_pwhash_ALG_ARGON2ID13}. */
    private static final int ARGON2ID13 = 2;

    /** Loads libsodium once; LinkageError or IllegalStateException where it cannot. */
    SodiumArgon2id(HashingProperties parameters) {
        super(parameters);
        if (parameters.parallelism() != 1) {
            throw new IllegalStateException("libsodium computes Argon2id with one lane only, not "
                    + parameters.parallelism());
        }
        tag(new byte[] {0}, new byte[SALT_BYTES], 8, 1, 1, 16);
    }

    /** "libsodium (bundled)", or "libsodium (system)" where lazysodium ships none for this platform. */
    @Override
    String implementation() {
        return "libsodium (" + Library.LOADED.origin() + ")";
    }

    @Override
    byte[] tag(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        if (parallelism != 1 || salt.length != SALT_BYTES) {
            return BouncyCastleArgon2id.compute(password, salt, memoryKib, iterations, parallelism, length);
        }
        byte[] tag = new byte[length];
        if (Library.LOADED.sodium().crypto_pwhash(tag, length, password, password.length, salt, iterations,
                new NativeLong(memoryKib * 1024L), ARGON2ID13) != 0) {
            throw new IllegalArgumentException("libsodium refused these Argon2id parameters");
        }
        return tag;
    }

    /** The library, loaded when first used, once for the whole process. */
    private static final class Library {

        static final Loaded LOADED = load();

        record Loaded(Sodium sodium, String origin) {
        }

        /**
         * The libsodium lazysodium ships for this platform, else the system's. lazysodium's own loader reads its
         * jar as a file, which a jar inside the portal's jar is not, so JNA copies the library out instead (to a
         * temporary file that is deleted when the JVM exits).
         */
        private static Loaded load() {
            Loaded loaded;
            try {
                loaded = new Loaded(new SodiumJava(Native.extractFromResourcePath(
                        "/" + LibraryLoader.getSodiumPathInResources(), SodiumArgon2id.class.getClassLoader())
                        .getAbsolutePath()), "bundled");
            } catch (IOException | RuntimeException noBundledLibrary) {
                loaded = new Loaded(new SodiumJava(LibraryLoader.Mode.SYSTEM_ONLY), "system");
            }
            if (loaded.sodium().sodium_init() < 0) {
                throw new IllegalStateException("libsodium could not initialise");
            }
            return loaded;
        }
    }
}
