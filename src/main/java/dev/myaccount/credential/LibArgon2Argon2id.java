package dev.myaccount.credential;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;

/**
 * Argon2id by libargon2, the reference C code, through argon2-jvm (which ships it for Linux, macOS and Windows on
 * x86-64 and aarch64) and JNA; its memory is off the Java heap. On one processor it hashed twice as fast as
 * libsodium, on another slower: which one the portal uses is measured at start-up ({@link FastestArgon2id}).
 * libargon2 takes each hash's 19 MiB from malloc, which keeps freed blocks in the arena of the thread that freed
 * them: hashes run on a few threads of their own (as many as may hash at once), so that the memory kept between
 * hashes is theirs alone, rather than 19 MiB in the arena of each request thread that ever hashed.
 */
final class LibArgon2Argon2id extends Argon2idHasher {

    private final ExecutorService hashing;

    /** Loads libargon2 once; LinkageError or IllegalStateException where it cannot. */
    LibArgon2Argon2id(HashingProperties parameters) {
        super(parameters);
        AtomicInteger count = new AtomicInteger();
        this.hashing = Executors.newFixedThreadPool(parameters.effectiveConcurrency(), work -> {
            Thread thread = new Thread(work, "libargon2-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        tag(new byte[] {0}, new byte[SALT_BYTES], 8, 1, 1, 16);
        warmEveryThread(parameters);
    }

    /**
     * One hash at the configured cost on each of the threads at once, so that each holds its memory from the start
     * and the first sign-ins (and the measurement at start-up) find it there, as every later one does.
     */
    private void warmEveryThread(HashingProperties parameters) {
        int threads = parameters.effectiveConcurrency();
        CountDownLatch together = new CountDownLatch(threads);
        List<Future<byte[]>> warming = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            warming.add(hashing.submit(() -> {
                together.countDown();
                together.await();
                return raw(new byte[] {0}, new byte[SALT_BYTES], parameters.memoryKib(), parameters.iterations(),
                        parameters.parallelism(), 16);
            }));
        }
        for (Future<byte[]> warm : warming) {
            try {
                warm.get();
            } catch (ExecutionException | InterruptedException cannot) {
                throw new IllegalStateException("libargon2 could not hash", cannot);
            }
        }
    }

    @Override
    String implementation() {
        return "libargon2";
    }

    @Override
    boolean holdsMemory() {
        return true;
    }

    @Override
    void release() {
        hashing.shutdown();
    }

    @Override
    byte[] tag(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        return onHashingThread(() -> raw(password, salt, memoryKib, iterations, parallelism, length));
    }

    /** Measured on the hashing thread, where libargon2 spends it. */
    @Override
    long processorNanos(byte[] password) {
        HashingProperties parameters = parameters();
        return onHashingThread(() -> processorNanosHere(() -> raw(password, new byte[SALT_BYTES],
                parameters.memoryKib(), parameters.iterations(), parameters.parallelism(), HASH_BYTES)));
    }

    private static byte[] raw(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism,
            int length) {
        return Library.ARGON2.rawHashAdvanced(iterations, memoryKib, parallelism, password, salt, null, null, length,
                Argon2Version.V13);
    }

    private <T> T onHashingThread(Callable<T> work) {
        try {
            return hashing.submit(work).get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IllegalStateException refused) {
                // libargon2 refuses parameters it cannot use (a damaged stored hash), as libsodium does.
                throw new IllegalArgumentException("libargon2 refused these Argon2id parameters", refused);
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while hashing", interrupted);
        }
    }

    /** The library, loaded when first used, once for the whole process. */
    private static final class Library {

        static final Argon2Advanced ARGON2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);
    }
}
