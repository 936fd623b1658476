package dev.myaccount.policy;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of one policy evaluation, banned-list and fuzzy matching included, run by hand
 * (docs/benchmarks.md). {@code main} prints what the global list costs in memory and start-up time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyBenchmark {

    /** 256 characters: a passphrase, Contoso's name and terms twisted, look-alikes and a leaked password. */
    private static final String LONG = ("C0ntos0 bl@nk widget seattle Adele Vance p@ssw0rd qwerty 12345 "
            + "the quiet lighthouse keeper paints seagulls every tuesday at ten, sm\u00f8rrebr\u00f8d 🍞 ")
            .repeat(2).substring(0, 256);

    /** Its beginnings never reach zxcvbn's top score, so zxcvbn reads both (the slowest case). */
    private static final String WEAK_LONG = "abc123".repeat(43).substring(0, 256);

    @Param({"long-256", "weak-256", "typical-16"})
    public String candidate;

    private PasswordPolicy policy;
    private PolicyContext context;
    private String password;

    @Setup
    public void setUp() {
        policy = new PasswordPolicy(PolicyProperties.defaults());
        List<String> bannedTerms = new java.util.ArrayList<>(List.of("contoso", "blank", "widget", "seattle"));
        for (int i = 0; bannedTerms.size() < 1000; i++) {
            bannedTerms.add("term" + Integer.toString(i * 7919, 36));
        }
        context = PolicyContext.withoutHistory("adele.vance@contoso.example", "Adele Vance", "Adele", "Vance",
                "Contoso", "contoso.example", policy.defaults(), bannedTerms);
        password = switch (candidate) {
            case "long-256" -> LONG;
            case "weak-256" -> WEAK_LONG;
            default -> "Kayak-Tulip-2026";
        };
        if (password.codePointCount(0, password.length()) > 256) {
            throw new IllegalStateException("the long candidate must be at most 256 characters");
        }
    }

    @Benchmark
    public PolicyVerdict evaluate() {
        return policy.evaluate(password, context);
    }

    public static void main(String[] args) {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        LeakedPasswords leaked = LeakedPasswords.load(null);
        long loaded = System.nanoTime();
        PasswordPolicy policy = new PasswordPolicy(PolicyProperties.defaults());
        long built = System.nanoTime();
        System.gc();
        long heapAfter = runtime.totalMemory() - runtime.freeMemory();
        int nodes = leaked.terms().nodeCount();
        System.out.printf("global list: %d trie nodes, arrays %.1f MiB (4+2+4+1 bytes a node)%n", nodes,
                nodes * 11 / 1048576.0);
        System.out.printf("heap held by two policies (list, trie, zxcvbn): %.1f MiB%n",
                (heapAfter - heapBefore) / 1048576.0);
        System.out.printf("cold load of the list: %d ms; a whole policy with zxcvbn: %d ms%n",
                (loaded - start) / 1_000_000, (built - loaded) / 1_000_000);
        if (policy.evaluate("x", PolicyContext.withoutHistory(null, null, null, null, null, null,
                policy.defaults(), List.of())).accepted()) {
            throw new IllegalStateException("a one-character password must be refused");
        }
    }
}
