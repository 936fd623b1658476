package dev.myaccount.credential;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the Argon2id implementation the portal hashes with. Which is fastest depends on the processor (its vector
 * instructions, how it maps fresh memory): libsodium and libargon2 differed by 2× either way on two machines. So with
 * {@code auto} (the default) each native one that loads hashes a few times at the configured cost, in turns, and the
 * one whose hashes take the least processor time wins; a setting can name one. BouncyCastle, in Java, is the
 * fallback where no native library loads. Every implementation makes the same PHC strings, so stored hashes do not
 * care.
 */
final class FastestArgon2id {

    private static final Logger log = LoggerFactory.getLogger(FastestArgon2id.class);
    /**
     * Rounds of timed hashes, one of each implementation a round after one that warms it up; taken in turns, so drift
     * falls on all. A hash is timed by the processor time of the thread that hashes, which another process's turns on
     * the processors do not add to as they add to its wall time. The shortest of each counts: a burst (another server
     * starting beside the portal) that slows two of three hashes of the faster one turns a median's choice around.
     * While the fastest leads the next by less than {@link #CLEAR_LEAD}, rounds go on, up to
     * {@link #MOST_ROUNDS}: in one start a burst slowed all three of libsodium's hashes by a quarter, to a tie with
     * libargon2, which was chosen and hashed in 23 ms for the portal's life where libsodium took 18.
     */
    private static final int ROUNDS = 3;
    static final int MOST_ROUNDS = 8;
    private static final double CLEAR_LEAD = 1.1;

    /** The implementations, by the name a setting gives them, fastest-known first. */
    private static final Map<String, Function<HashingProperties, Argon2idHasher>> NATIVE = new LinkedHashMap<>();

    static {
        NATIVE.put("libsodium", SodiumArgon2id::new);
        NATIVE.put("libargon2", LibArgon2Argon2id::new);
    }

    /** The implementation chosen, and every native one's measured hashes a second (none when one was named). */
    record Choice(Argon2idHasher hasher, Map<String, Double> hashesPerSecond) {
    }

    private FastestArgon2id() {
    }

    static Choice choose(HashingProperties hashing) {
        String wanted = hashing.implementation().toLowerCase(Locale.ROOT);
        if (wanted.equals("bouncycastle")) {
            return new Choice(new BouncyCastleArgon2id(hashing), Map.of());
        }
        List<Argon2idHasher> loaded = new ArrayList<>();
        for (Map.Entry<String, Function<HashingProperties, Argon2idHasher>> candidate : NATIVE.entrySet()) {
            if (wanted.equals("auto") || wanted.equals(candidate.getKey())) {
                try {
                    loaded.add(candidate.getValue().apply(hashing));
                } catch (LinkageError | IllegalStateException cannot) {
                    log.warn("{}'s Argon2id cannot be used here: {}", candidate.getKey(), cannot.toString());
                }
            }
        }
        if (loaded.isEmpty()) {
            log.warn("No native Argon2id can be used; hashing passwords with BouncyCastle's Argon2id, which is slower"
                    + " and allocates its memory on the Java heap");
            return new Choice(new BouncyCastleArgon2id(hashing), Map.of());
        }
        long start = System.nanoTime();
        Map<String, Double> rates = loaded.size() == 1 ? Map.of() : measured(loaded);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        Argon2idHasher fastest = loaded.stream()
                .max((a, b) -> Double.compare(rates.getOrDefault(a.implementation(), 0.0),
                        rates.getOrDefault(b.implementation(), 0.0)))
                .orElseThrow();
        loaded.stream().filter(hasher -> hasher != fastest).forEach(Argon2idHasher::release);
        log.info("Hashing passwords with {}'s Argon2id (m={} KiB, t={}, p={}){}", fastest.implementation(),
                hashing.memoryKib(), hashing.iterations(), hashing.parallelism(),
                rates.isEmpty() ? "" : ", the fastest measured here: " + rates.entrySet().stream()
                        .map(rate -> String.format(Locale.ROOT, "%s %.1f/s", rate.getKey(), rate.getValue()))
                        .reduce((a, b) -> a + ", " + b).orElse("") + " (measured in " + tookMillis + " ms)");
        return new Choice(fastest, rates);
    }

    /** Hashes a second, one thread, from the shortest of the timed hashes of each, taken in turns. */
    static Map<String, Double> measured(List<Argon2idHasher> hashers) {
        byte[] password = "a password measured at start-up".getBytes(StandardCharsets.UTF_8);
        hashers.forEach(hasher -> hasher.hash(password));
        Map<String, Long> shortest = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS || round < MOST_ROUNDS && !clearLead(shortest.values()); round++) {
            for (Argon2idHasher hasher : hashers) {
                shortest.merge(hasher.implementation(), Math.max(1, hasher.processorNanos(password)), Math::min);
            }
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        shortest.forEach((name, nanos) -> rates.put(name, 1e9 / nanos));
        return rates;
    }

    private static boolean clearLead(Collection<Long> shortest) {
        long[] sorted = shortest.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[0] * CLEAR_LEAD <= sorted[1];
    }
}
