package dev.myaccount.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

import dev.myaccount.credential.HashingProperties;
import dev.myaccount.credential.PortalSodium;

/**
 * Load program for whole sign-ins against a running portal (docs/benchmarks.md): each virtual user
 * opens the sign-in page, reads its CSRF token and posts the form, as issue 9 and the outside measurements count
 * a sign-in; with {@code -DwithMyAccount=true} it also follows the redirect and opens My Account.
 * The limits that hashing sets (Argon2id hashes per second on every processor) are measured in this same run, in short
 * windows that alternate with the sign-in windows, because the machine's speed drifts: by each native implementation
 * the portal carries, libsodium (through the portal's own class) and libargon2, each rather than one chosen as the
 * portal chooses (a choice measured in a bad moment would leave the faster one out), and by BouncyCastle for comparison
 * (in a JVM of its own). The ratio that counts is to the fastest native limit of the same round, taken per pair of
 * windows, and its median reported. The portal's own figures give the implementation it hashes with, the share of its
 * sign-in time spent hashing and its garbage collections; its resident memory and processor time are read from /proc
 * when its PID is given (the time also by its threads: hashing, requests, the JIT, the collector), and the limits'
 * hashing threads' own counters there say how much of a hash is the kernel's, and /proc/stat how much of each window
 * the processors sat idle. The posts' median time beyond one hash of the portal's implementation answers issue 32's
 * target at concurrency 1: at 1 the hash is timed alone, on one thread, in windows of its own; at 2 and more, where the
 * portal's hashes run side by side, it is a limit thread's time.
 *
 * <p>Arguments: portal URL, management URL, UPN, password, [seconds per window, default 5], [rounds, 3],
 * [the portal's PID], [concurrency levels, comma-separated: default 1,2,4,8].
 */
public final class SignInLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CHOSEN = Pattern.compile("implementation=\"([^\"]+)\"");
    private static final boolean WITH_MY_ACCOUNT = Boolean.getBoolean("withMyAccount");
    private static final String CONCURRENCY = "1,2,4,8";
    /** Hashing's time does not depend on the password's characters; a typical length is enough. */
    private static final String SAMPLE_PASSWORD = "correct horse battery staple";
    private static final com.sun.management.OperatingSystemMXBean OWN_PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private final String portal;
    private final String management;
    private final String upn;
    private final String password;
    private final Duration window;
    private final CloseableHttpClient http;

    private final String pid;

    private SignInLoad(String portal, String management, String upn, String password, Duration window, String pid,
            int mostUsers) {
        // A blocking client with a connection for each virtual user: the JDK's asynchronous one used about twice
        // the processor time per sign-in, taken from the portal on the same machine.
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(mostUsers + 1).setMaxConnTotal(mostUsers + 1).build())
                .disableRedirectHandling().disableCookieManagement().disableAutomaticRetries().build();
        this.portal = portal;
        this.management = management;
        this.upn = upn;
        this.password = password;
        this.window = window;
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals(BouncyCastleLimit.FLAG)) {
            BouncyCastleLimit.answer();
            return;
        }
        Duration window = Duration.ofSeconds(args.length > 4 ? Integer.parseInt(args[4]) : 5);
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        int[] levels = Arrays.stream((args.length > 7 ? args[7] : CONCURRENCY).split(","))
                .mapToInt(Integer::parseInt).toArray();
        new SignInLoad(args[0], args[1], args[2], args[3], window, args.length > 6 ? args[6] : null,
                Arrays.stream(levels).max().orElseThrow()).run(rounds, levels);
    }

    private void run(int rounds, int[] levels) throws Exception {
        System.out.printf("processors %d, window %d s, %d rounds per concurrency, sign-ins %s; portal resident %s; "
                + "the portal hashes with %s%n", Runtime.getRuntime().availableProcessors(), window.toSeconds(), rounds,
                WITH_MY_ACCOUNT ? "with My Account opened" : "of page and post", residentMemory(),
                portalHashing(figures()));
        signIns(2);
        try (BouncyCastleLimit bouncyCastle = new BouncyCastleLimit()) {
            hashesPerSecond(window, Hashing.LIBSODIUM);
            hashesPerSecond(window, Hashing.LIBARGON2);
            bouncyCastle.hashesPerSecond(window);
            measure(rounds, levels, bouncyCastle);
        }
        System.out.printf("portal resident after the run: %s%n", residentMemory());
        HASH_COSTS.get(Hashing.LIBSODIUM).report("libsodium");
        HASH_COSTS.get(Hashing.LIBARGON2).report("libargon2");
    }

    private void measure(int rounds, int[] levels, BouncyCastleLimit bouncyCastle) throws Exception {
        System.out.println("concurrency  sign-ins/s  ratio to the fastest native limit (median, worst)  "
                + "libsodium limit/s  ratio to it (median, worst)  libargon2 limit/s  ratio to it (median, worst)  "
                + "BouncyCastle limit/s  ratio to it  p50 ms  p99 ms  POST server ms (mean)  hashing share of POST  "
                + "the portal's Argon2id  POST p50 beyond one of its hashes ms  young GCs/s  full GCs  "
                + "load program's CPU  processors idle  portal CPU per sign-in beyond one of its hashes ms");
        List<String> byThread = new ArrayList<>();
        String alone = null;
        for (int users : levels) {
            Limit fastest = new Limit();
            Limit sodium = new Limit();
            Limit reference = new Limit();
            Limit java = new Limit();
            List<Long> latencies = new ArrayList<>();
            List<Long> postLatencies = new ArrayList<>();
            double rate = 0;
            double ownCpu = 0;
            double idle = 0;
            long portalCpu = 0;
            Map<String, Long> portalCpuByThread = new LinkedHashMap<>();
            Map<String, Double> before = figures();
            String portalHashing = portalHashing(before);
            Hashing portalImplementation = portalHashing.startsWith("libargon2") ? Hashing.LIBARGON2
                    : Hashing.LIBSODIUM;
            List<Double> aloneMillis = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                double roundSodiumLimit = hashesPerSecond(window, Hashing.LIBSODIUM);
                Window signIns = signIns(users);
                if (users == 1) {
                    aloneMillis.add(1000 / hashesPerSecond(window, portalImplementation, 1));
                }
                double roundJavaLimit = bouncyCastle.hashesPerSecond(window);
                double roundReferenceLimit = hashesPerSecond(window, Hashing.LIBARGON2);
                fastest.add(signIns.rate(), Math.max(roundSodiumLimit, roundReferenceLimit), rounds);
                sodium.add(signIns.rate(), roundSodiumLimit, rounds);
                reference.add(signIns.rate(), roundReferenceLimit, rounds);
                java.add(signIns.rate(), roundJavaLimit, rounds);
                latencies.addAll(signIns.latenciesNanos());
                postLatencies.addAll(signIns.postLatenciesNanos());
                rate += signIns.rate() / rounds;
                ownCpu += signIns.ownCpuShare() / rounds;
                idle += signIns.idleShare() / rounds;
                portalCpu += signIns.portalCpuNanos();
                signIns.portalCpuByThread().forEach((kind, nanos) -> portalCpuByThread.merge(kind, nanos, Long::sum));
            }
            Map<String, Double> after = figures();
            Limit portalLimit = portalImplementation == Hashing.LIBARGON2 ? reference : sodium;
            // One hash as the portal's hashes ran: alone at concurrency 1, side by side at 2 and more.
            double oneHash = users == 1 ? median(aloneMillis) : portalLimit.hashMillis();
            double hashing = delta(before, after, "myaccount_password_hashing_seconds_sum");
            double posts = delta(before, after, "http_server_requests_seconds_count" + POST_SIGN_IN);
            double postSeconds = delta(before, after, "http_server_requests_seconds_sum" + POST_SIGN_IN);
            double signInWindows = rounds * (double) window.toSeconds();
            System.out.printf("%11d  %10.2f  %35.0f%% %13.0f%%  %17.2f  %15.0f%% %9.0f%%  %17.2f  %15.0f%% %9.0f%%  "
                    + "%20.2f  %10.0f%%  %6.0f  %6.0f  %20.1f  %20.0f%%  %21s  %36.1f  %11.2f  %8.0f  %16.0f%%  "
                    + "%14.0f%%  %48.1f%n", users, rate, 100 * fastest.median(), 100 * fastest.worst(), sodium.mean,
                    100 * sodium.median(), 100 * sodium.worst(), reference.mean, 100 * reference.median(),
                    100 * reference.worst(), java.mean, 100 * java.median(), percentile(latencies, 50),
                    percentile(latencies, 99), 1000 * postSeconds / posts, 100 * hashing / postSeconds,
                    portalHashing.replace(' ', '_'), percentile(postLatencies, 50) - oneHash,
                    (sum(after, YOUNG_GC) - sum(before, YOUNG_GC)) / signInWindows,
                    sum(after, FULL_GC) - sum(before, FULL_GC), 100 * ownCpu, 100 * idle,
                    pid == null ? Double.NaN : portalCpu / 1e6 / (rate * signInWindows) - oneHash);
            if (users == 1) {
                alone = String.format("at concurrency 1 one hash of %s alone took %.1f ms (median of %d windows), "
                        + "a limit thread's %.1f ms", portalHashing, median(aloneMillis), aloneMillis.size(),
                        portalLimit.hashMillis());
            }
            double signInCount = rate * signInWindows;
            byThread.add(String.format("%11d  %s", users, THREAD_KINDS.stream()
                    .map(kind -> String.format("%s %.1f", kind, portalCpuByThread.getOrDefault(kind, 0L) / 1e6
                            / signInCount))
                    .collect(Collectors.joining(", "))));
        }
        if (pid != null) {
            System.out.println("concurrency  the portal's processor time a sign-in by its threads, ms "
                    + "(a thread that ended within a window is left out)");
            byThread.forEach(System.out::println);
        }
        if (alone != null) {
            System.out.println(alone);
        }
    }

    /** A limit's windows at one concurrency: their mean, and the sign-ins' ratio to each. */
    private static final class Limit {

        private final List<Double> ratios = new ArrayList<>();
        private double mean;

        void add(double signInRate, double limit, int rounds) {
            ratios.add(signInRate / limit);
            mean += limit / rounds;
        }

        double median() {
            return SignInLoad.median(ratios);
        }

        double worst() {
            return Collections.min(ratios);
        }

        /** Each of the limit's threads makes mean / processors hashes a second: one hash takes the inverse. */
        double hashMillis() {
            return 1000 * Runtime.getRuntime().availableProcessors() / mean;
        }
    }

    private static final String POST_SIGN_IN = "{error=\"none\",exception=\"none\",method=\"POST\","
            + "outcome=\"REDIRECTION\",status=\"302\",uri=\"REDIRECTION\"}";
    private static final String YOUNG_GC = "jvm_gc_pause_seconds_count{action=\"end of minor GC\"";
    private static final String FULL_GC = "jvm_gc_pause_seconds_count{action=\"end of major GC\"";

    /** The sum of the figures whose names start with {@code prefix}: a metric over all its other tags. */
    private static double sum(Map<String, Double> figures, String prefix) {
        return figures.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private String residentMemory() throws Exception {
        if (pid == null) {
            return "(no PID given)";
        }
        return Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(line -> line.startsWith("VmRSS"))
                .map(line -> line.replaceAll("\\s+", " ").substring("VmRSS: ".length())).findFirst().orElse("?");
    }

    /**
     * A window's sign-ins per second, their times, their posts' times, this program's share of the processors, the
     * share the processors sat idle, and the portal's processor time in the window.
     */
    private record Window(double rate, List<Long> latenciesNanos, List<Long> postLatenciesNanos,
            double ownCpuShare, double idleShare, long portalCpuNanos, Map<String, Long> portalCpuByThread) {
    }

    /** As many whole sign-ins as {@code users} virtual users complete in one window. */
    private Window signIns(int users) throws Exception {
        long cpuBefore = OWN_PROCESS.getProcessCpuTime();
        long[] machineBefore = MachineTicks.read();
        long portalCpuBefore = portalCpuNanos();
        Map<String, ThreadTime> threadsBefore = portalThreads();
        ExecutorService pool = Executors.newFixedThreadPool(users);
        long end = System.nanoTime() + window.toNanos();
        List<Future<List<long[]>>> done = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            done.add(pool.submit(() -> {
                List<long[]> times = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    long post = signIn();
                    times.add(new long[] {System.nanoTime() - start, post});
                }
                return times;
            }));
        }
        List<Long> all = new ArrayList<>();
        List<Long> posts = new ArrayList<>();
        for (Future<List<long[]>> user : done) {
            for (long[] times : user.get()) {
                all.add(times[0]);
                posts.add(times[1]);
            }
        }
        pool.shutdown();
        double cpu = (OWN_PROCESS.getProcessCpuTime() - cpuBefore) / (double) window.toNanos();
        Map<String, Long> byThread = new LinkedHashMap<>();
        portalThreads().forEach((id, after) -> byThread.merge(after.kind(), after.nanos()
                - Optional.ofNullable(threadsBefore.get(id)).map(ThreadTime::nanos).orElse(0L), Long::sum));
        return new Window(all.size() / (double) window.toSeconds(), all, posts,
                cpu / Runtime.getRuntime().availableProcessors(), MachineTicks.idleShare(machineBefore),
                portalCpuNanos() - portalCpuBefore, byThread);
    }

    private static final List<String> THREAD_KINDS = List.of("hashing", "requests", "JIT compilers", "collector",
            "other");

    /** A portal thread's kind and its processor time so far. */
    private record ThreadTime(String kind, long nanos) {
    }

    /**
     * The portal's threads by id, with their processor time so far (utime and stime in /proc): where the time beyond
     * hashing goes, which in a fresh portal's first minutes is as much the JIT's compiling as the requests.
     */
    private Map<String, ThreadTime> portalThreads() throws IOException {
        Map<String, ThreadTime> threads = new LinkedHashMap<>();
        if (pid == null) {
            return threads;
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc", pid, "task"))) {
            for (Path task : tasks.toList()) {
                String line;
                try {
                    line = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                threads.put(task.getFileName().toString(), new ThreadTime(threadKind(name),
                        cpuNanos(fieldsAfterName(line))));
            }
        }
        return threads;
    }

    /**
     * The kind of a portal thread by its name as /proc gives it (15 characters at most). libargon2 hashes on threads
     * of its own, libsodium and BouncyCastle on the request's; the serial collector runs in the VM Thread.
     */
    private static String threadKind(String name) {
        if (name.startsWith("libargon2-")) {
            return "hashing";
        }
        if (name.startsWith("http-nio-")) {
            return "requests";
        }
        if (name.contains("CompilerThre")) {
            return "JIT compilers";
        }
        if (name.equals("VM Thread") || name.startsWith("GC Thread")) {
            return "collector";
        }
        return "other";
    }

    /** The portal's processor time so far, from /proc (utime and stime, in ticks of 1/100 s); 0 without a PID. */
    private long portalCpuNanos() throws Exception {
        if (pid == null) {
            return 0;
        }
        return cpuNanos(procStat(Path.of("/proc", pid, "stat")));
    }

    /** A process's or thread's processor time in its {@code stat} fields: utime and stime, in ticks of 1/100 s. */
    private static long cpuNanos(String[] stat) {
        return (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) * 10_000_000L;
    }

    /** The fields of a process's or thread's {@code stat} file after its name (the name may hold spaces). */
    private static String[] procStat(Path stat) throws IOException {
        return fieldsAfterName(Files.readString(stat));
    }

    private static String[] fieldsAfterName(String statLine) {
        return statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
    }

    /**
     * One whole sign-in, each request with the cookie a browser would send: no redirect or cookie is automatic.
     * A sign-in counts only when the post is let in: a redirect away from the sign-in page, with a session.
     * Returns the post's time, from sending it to its answer: on this machine, the server's time and a loopback.
     */
    private long signIn() throws Exception {
        String[] cookie = new String[1];
        String page = http.execute(new HttpGet(portal + "/signin"), response -> {
            cookie[0] = cookie(response, "XSRF-TOKEN");
            return EntityUtils.toString(response.getEntity());
        });
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the sign-in page");
        }
        HttpPost post = new HttpPost(portal + "/signin");
        post.setHeader("Cookie", cookie[0]);
        post.setEntity(new UrlEncodedFormEntity(List.of(new BasicNameValuePair("upn", upn),
                new BasicNameValuePair("password", password), new BasicNameValuePair("_csrf", csrf.group(1)))));
        long posted = System.nanoTime();
        String location = http.execute(post, response -> {
            Header redirect = response.getFirstHeader("Location");
            if (response.getCode() != 302 || redirect == null || redirect.getValue().contains("/signin")) {
                throw new IllegalStateException("Sign-in refused: " + response.getCode() + " " + redirect);
            }
            cookie[0] = cookie(response, "SESSION");
            EntityUtils.consume(response.getEntity());
            return redirect.getValue();
        });
        long postNanos = System.nanoTime() - posted;
        if (WITH_MY_ACCOUNT) {
            HttpGet home = new HttpGet(location.startsWith("http") ? location : portal + location);
            home.setHeader("Cookie", cookie[0]);
            int status = http.execute(home, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            if (status != 200) {
                throw new IllegalStateException("My Account answered " + status);
            }
        }
        return postNanos;
    }

    /**
     * The cookie {@code name} a response sets: the sign-in page sets the form's token, a successful sign-in the
     * session (and the device cookie, which is not sent back, so that every sign-in comes from a new browser).
     */
    private static String cookie(ClassicHttpResponse response, String name) {
        return Arrays.stream(response.getHeaders("Set-Cookie")).map(Header::getValue)
                .filter(c -> c.startsWith(name + "=")).findFirst().orElseThrow().split(";", 2)[0];
    }

    /** The implementations of Argon2id whose limits are measured; BouncyCastle's runs in a JVM of its own. */
    private enum Hashing { LIBSODIUM, LIBARGON2, BOUNCYCASTLE }

    /** Argon2id hashes per second with the portal's parameters on every processor: a limit. */
    private static double hashesPerSecond(Duration window, Hashing hashing) throws Exception {
        return hashesPerSecond(window, hashing, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Argon2id hashes per second on {@code threads} threads. A hash on one thread can be faster than each of a
     * limit's, whose threads share the memory and the caches (on Zen 3 by up to a tenth), and a post at concurrency 1
     * hashes alone: its time beyond one hash is taken beyond a hash timed alone.
     */
    private static double hashesPerSecond(Duration window, Hashing hashing, int threads) throws Exception {
        boolean limit = threads == Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long[] machineBefore = limit ? MachineTicks.read() : null;
        long end = System.nanoTime() + window.toNanos();
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                Runnable hash = hasher(hashing);
                long[] before = ThreadCost.read();
                int hashes = 0;
                while (System.nanoTime() < end) {
                    hash.run();
                    hashes++;
                }
                if (limit) {
                    HASH_COSTS.get(hashing).add(before, ThreadCost.read(), hashes);
                }
                return hashes;
            }));
        }
        int hashes = 0;
        for (Future<Integer> thread : done) {
            hashes += thread.get();
        }
        pool.shutdown();
        if (limit) {
            HASH_COSTS.get(hashing).addIdle(MachineTicks.idleShare(machineBefore));
        }
        return hashes / (window.toNanos() / 1e9);
    }

    /** The Argon2id the portal hashes with, from its gauge {@code myaccount_password_hashing_chosen}. */
    private static String portalHashing(Map<String, Double> figures) {
        Matcher chosen = CHOSEN.matcher(figures.entrySet().stream().filter(figure -> figure.getValue() == 1.0)
                .map(Map.Entry::getKey).filter(name -> name.startsWith("myaccount_password_hashing_chosen"))
                .findFirst().orElse(""));
        return chosen.find() ? chosen.group(1) : "unknown";
    }

    private static final Map<Hashing, ThreadCost> HASH_COSTS = Arrays.stream(Hashing.values())
            .collect(Collectors.toMap(hashing -> hashing, hashing -> new ThreadCost()));

    /**
     * Where the limits' hashes spend their time, from each hashing thread's counters in /proc (Linux only):
     * libsodium maps fresh memory for every hash, whose pages the kernel faults in and zeroes one by one; and the
     * share of the limit's windows the processors sat idle.
     */
    private static final class ThreadCost {

        private final LongAdder hashes = new LongAdder();
        private final LongAdder userTicks = new LongAdder();
        private final LongAdder kernelTicks = new LongAdder();
        private final LongAdder pageFaults = new LongAdder();
        /** Added by the thread that runs the windows, after their hashing threads are done. */
        private final List<Double> idleShares = new ArrayList<>();

        /** Minor page faults, user and kernel time (ticks of 1/100 s) of the calling thread; null off Linux. */
        static long[] read() throws IOException {
            Path stat = Path.of("/proc/thread-self/stat");
            if (!Files.exists(stat)) {
                return null;
            }
            String[] fields = procStat(stat);
            return new long[] {Long.parseLong(fields[7]), Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        }

        void add(long[] before, long[] after, int hashed) {
            if (before != null && after != null) {
                hashes.add(hashed);
                pageFaults.add(after[0] - before[0]);
                userTicks.add(after[1] - before[1]);
                kernelTicks.add(after[2] - before[2]);
            }
        }

        void addIdle(double share) {
            if (!Double.isNaN(share)) {
                idleShares.add(share);
            }
        }

        void report(String limit) {
            long n = hashes.sum();
            if (n > 0) {
                long ticks = userTicks.sum() + kernelTicks.sum();
                System.out.printf("%s hashes in the limit's windows: %.1f ms of processor time each, %.0f%% of it "
                        + "in the kernel, %d page faults each; the processors idle %.0f%% of these windows "
                        + "(median)%n", limit, 10.0 * ticks / n, 100.0 * kernelTicks.sum() / ticks,
                        pageFaults.sum() / n, idleShares.isEmpty() ? Double.NaN : 100 * median(idleShares));
            }
        }
    }

    /**
     * The whole machine's processor time from /proc/stat (Linux only), for the share of a window the processors sat
     * idle: time no hash used. With libsodium's limit threads one of them is now and then not ready to run, most likely
     * waiting while the other maps or unmaps its memory (two processes of one thread each hashed faster than one of
     * two).
     */
    private static final class MachineTicks {

        /** Idle (with waiting for I/O) and all ticks since boot; null off Linux. */
        static long[] read() throws IOException {
            Path stat = Path.of("/proc/stat");
            if (!Files.exists(stat)) {
                return null;
            }
            String machine;
            try (BufferedReader lines = Files.newBufferedReader(stat)) {
                machine = lines.readLine();
            }
            long[] ticks = Arrays.stream(machine.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
            return new long[] {ticks[3] + ticks[4], Arrays.stream(ticks).limit(8).sum()};
        }

        /** The share of the processors' time idle since {@code before}; NaN off Linux. */
        static double idleShare(long[] before) throws IOException {
            long[] after = read();
            if (before == null || after == null || after[1] == before[1]) {
                return Double.NaN;
            }
            return (after[0] - before[0]) / (double) (after[1] - before[1]);
        }
    }

    /** One hash of the sample password with a fresh salt, as the portal makes it, with the portal's parameters. */
    private static Runnable hasher(Hashing hashing) {
        byte[] password = SAMPLE_PASSWORD.getBytes(StandardCharsets.UTF_8);
        HashingProperties cost = PortalSodium.PARAMETERS;
        return switch (hashing) {
            case LIBSODIUM -> () -> PortalSodium.hash(password);
            case LIBARGON2 -> {
                Argon2 libargon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, 16, 32);
                yield () -> libargon2.hash(cost.iterations(), cost.memoryKib(), cost.parallelism(), password);
            }
            case BOUNCYCASTLE -> {
                Argon2PasswordEncoder java = new Argon2PasswordEncoder(16, 32, cost.parallelism(), cost.memoryKib(),
                        cost.iterations());
                yield () -> java.encode(SAMPLE_PASSWORD);
            }
        };
    }

    /**
     * BouncyCastle's limit, measured in a JVM of its own with the JIT's defaults: this program runs with C1 alone
     * (docs/operations.md) so that compiling its own code takes little from the portal, and C1 alone would halve
     * BouncyCastle's speed. The other JVM measures a window each time it is asked.
     */
    private static final class BouncyCastleLimit implements AutoCloseable {

        private static final String FLAG = "--bouncycastle-limit";

        private final Process process;
        private final PrintWriter windows;
        private final BufferedReader rates;

        BouncyCastleLimit() throws Exception {
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), SignInLoad.class.getName(), FLAG)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            windows = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            rates = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        double hashesPerSecond(Duration window) throws Exception {
            windows.println(window.toMillis());
            return Double.parseDouble(rates.readLine());
        }

        /** The other JVM's side: one window for each line of milliseconds read. */
        static void answer() throws Exception {
            BufferedReader asked = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String millis = asked.readLine(); millis != null; millis = asked.readLine()) {
                System.out.println(SignInLoad.hashesPerSecond(Duration.ofMillis(Long.parseLong(millis)), Hashing.BOUNCYCASTLE));
            }
        }

        @Override
        public void close() throws Exception {
            windows.close();
            process.waitFor();
        }
    }

    private Map<String, Double> figures() throws Exception {
        String text = http.execute(new HttpGet(management + "/actuator/prometheus"),
                response -> EntityUtils.toString(response.getEntity()));
        Map<String, Double> figures = new java.util.HashMap<>();
        text.lines().filter(line -> !line.startsWith("#")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            figures.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return figures;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
        return after.getOrDefault(name, Double.NaN) - before.getOrDefault(name, 0.0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double percentile(List<Long> nanos, int percent) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1e6;
    }
}
