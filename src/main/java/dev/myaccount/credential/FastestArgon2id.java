package dev.myaccount.credential;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
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
 * care, and the choice can change while the portal runs: it is measured again now and then ({@link #measureAgain}),
 * since a start-up measured in a bad moment (libsodium, faulting in fresh memory, slower for a while) chose libargon2
 * in 4 of about 60 starts here, for the portal's life, where libsodium hashed a fifth faster.
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
    /**
     * The measurements that decide: each implementation's best of the last three, so that one measured in a bad
     * moment is outweighed by the others, and a lasting change (another host) is followed within three.
     */
    static final int MEASUREMENTS_KEPT = 3;

    /** The implementations, by the name a setting gives them, fastest-known first. */
    private static final Map<String, Function<HashingProperties, Argon2idHasher>> NATIVE = new LinkedHashMap<>();

    static {
        NATIVE.put("libsodium", SodiumArgon2id::new);
        NATIVE.put("libargon2", LibArgon2Argon2id::new);
    }

    /**
     * Measured again: the one chosen first and those that hold nothing between hashes. One that holds its memory
     * (libargon2's threads) and was not chosen is released, rather than kept only to be measured.
     */
    private final List<Argon2idHasher> measuring = new ArrayList<>();
    /** Each implementation's hashes a second in its last measurements, oldest first. */
    private final Map<String, Deque<Double>> measurements = new LinkedHashMap<>();
    private final Argon2idHasher hasher;
    private volatile Argon2idHasher fastest;

    FastestArgon2id(HashingProperties parameters, List<Argon2idHasher> loaded) {
        this.hasher = new Chosen(parameters);
        if (loaded.size() == 1) {
            fastest = loaded.get(0);
            return;
        }
        record(measured(loaded));
        fastest = fastestMeasured(loaded);
        for (Argon2idHasher candidate : loaded) {
            if (candidate == fastest || !candidate.holdsMemory()) {
                measuring.add(candidate);
            } else {
                candidate.release();
            }
        }
    }

    static FastestArgon2id choose(HashingProperties hashing) {
        String wanted = hashing.implementation().toLowerCase(Locale.ROOT);
        if (wanted.equals("bouncycastle")) {
            return new FastestArgon2id(hashing, List.of(new BouncyCastleArgon2id(hashing)));
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
            return new FastestArgon2id(hashing, List.of(new BouncyCastleArgon2id(hashing)));
        }
        long start = System.nanoTime();
        FastestArgon2id chosen = new FastestArgon2id(hashing, loaded);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        log.info("Hashing passwords with {}'s Argon2id (m={} KiB, t={}, p={}){}", chosen.fastest.implementation(),
                hashing.memoryKib(), hashing.iterations(), hashing.parallelism(), chosen.measurements.isEmpty() ? ""
                        : ", the fastest measured here: " + rates(chosen.hashesPerSecond()) + " (measured in "
                                + tookMillis + " ms)");
        return chosen;
    }

    /** The portal's Argon2id: each hash by the implementation measured fastest at that moment. */
    Argon2idHasher hasher() {
        return hasher;
    }

    /** Every measured implementation's hashes a second of one thread, its best of the last measurements. */
    synchronized Map<String, Double> hashesPerSecond() {
        Map<String, Double> best = new LinkedHashMap<>();
        measurements.forEach((name, rates) -> best.put(name, Collections.max(rates)));
        return best;
    }

    /** Whether anything is measured again: not when one was named or alone loads, nor once libargon2 is let go. */
    boolean measuresAgain() {
        return measuring.size() > 1;
    }

    /**
     * Measures the implementations again, as at start-up, and hashes with the fastest from then on; nothing when
     * there is nothing to measure again ({@link #measuresAgain}). Its hashes are to be run in a turn of the gate, as
     * a sign-in's are; the health details and gauges read the figures meanwhile without waiting for them.
     */
    void measureAgain() {
        if (!measuresAgain()) {
            return;
        }
        Map<String, Double> rates = measured(measuring);
        Argon2idHasher now;
        synchronized (this) {
            record(rates);
            now = fastestMeasured(measuring);
        }
        if (now != fastest) {
            log.info("Hashing passwords with {}'s Argon2id from now on, the fastest measured again: {}",
                    now.implementation(), rates(hashesPerSecond()));
            fastest = now;
        }
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

    private synchronized void record(Map<String, Double> rates) {
        rates.forEach((name, rate) -> {
            Deque<Double> kept = measurements.computeIfAbsent(name, any -> new ArrayDeque<>());
            kept.addLast(rate);
            if (kept.size() > MEASUREMENTS_KEPT) {
                kept.removeFirst();
            }
        });
    }

    private Argon2idHasher fastestMeasured(List<Argon2idHasher> candidates) {
        Map<String, Double> best = hashesPerSecond();
        return candidates.stream()
                .max((a, b) -> Double.compare(best.get(a.implementation()), best.get(b.implementation())))
                .orElseThrow();
    }

    private static String rates(Map<String, Double> rates) {
        return rates.entrySet().stream()
                .map(rate -> String.format(Locale.ROOT, "%s %.1f/s", rate.getKey(), rate.getValue()))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** Hands each hash to the implementation chosen when it begins. */
    private final class Chosen extends Argon2idHasher {

        Chosen(HashingProperties parameters) {
            super(parameters);
        }

        @Override
        String implementation() {
            return fastest.implementation();
        }

        @Override
        byte[] tag(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
            return fastest.tag(password, salt, memoryKib, iterations, parallelism, length);
        }

        @Override
        long processorNanos(byte[] password) {
            return fastest.processorNanos(password);
        }
    }
}
