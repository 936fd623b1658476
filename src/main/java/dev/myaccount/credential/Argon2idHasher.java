package dev.myaccount.credential;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * Argon2id as PHC strings, made and checked from the password's bytes, which it never keeps. Its subclasses are
 * the implementations of Argon2id's function; salts, the stored form and the comparison are the same for all.
 */
abstract class Argon2idHasher {

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    private final HashingProperties parameters;
    private final SecureRandom random = new SecureRandom();

    Argon2idHasher(HashingProperties parameters) {
        this.parameters = parameters;
    }

    /** A PHC string of the password with a fresh random salt and the configured parameters. */
    final String hash(byte[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        int m = parameters.memoryKib();
        int t = parameters.iterations();
        int p = parameters.parallelism();
        return new PhcString(m, t, p, salt, tag(password, salt, m, t, p, HASH_BYTES)).format();
    }

    /** Whether the password matches the PHC string, compared in constant time. */
    final boolean verify(byte[] password, String phc) {
        PhcString stored = PhcString.parse(phc);
        return MessageDigest.isEqual(stored.hash(), tag(password, stored.salt(), stored.memoryKib(),
                stored.iterations(), stored.parallelism(), stored.hash().length));
    }

    /**
     * The processor time of one hash at the configured cost, on the thread that hashes: what bounds sign-ins a second
     * under load, and what another process on the machine does not add to (it adds wall time, by taking turns).
     */
    long processorNanos(byte[] password) {
        return processorNanosHere(() -> hash(password));
    }

    /** The processor time {@code work} takes on this thread. */
    static long processorNanosHere(Runnable work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        work.run();
        return threads.getCurrentThreadCpuTime() - start;
    }

    HashingProperties parameters() {
        return parameters;
    }

    /** Its name, for the log and the health details. */
    abstract String implementation();

    /** Whether it holds memory between hashes (threads of its own), which {@link #release} gives back. */
    boolean holdsMemory() {
        return false;
    }

    /** Gives back what it holds between hashes (threads, their memory), when it was measured and not chosen. */
    void release() {
    }

    /** Argon2id (version 19) of the password: a tag of {@code length} bytes. */
    abstract byte[] tag(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length);
}
