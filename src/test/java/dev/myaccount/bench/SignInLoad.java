package dev.myaccount.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

/**
 * Load program for whole sign-ins against a running portal (README, "Benchmarks"): each virtual user
 * opens the sign-in page, reads its CSRF token, posts the form and follows the redirect to My Account.
 * The limit that hashing sets (Argon2id hashes per second on every processor, by libargon2 as the portal
 * hashes, and by BouncyCastle for comparison) is measured in this same run, in short windows that
 * alternate with the sign-in windows, because the machine's speed drifts; the ratio is taken per pair of
 * windows and its median reported. The portal's own figures give the share of its sign-in time spent
 * hashing and its garbage collections; its resident memory is read from /proc when its PID is given.
 *
 * <p>Arguments: portal URL, management URL, UPN, password, [seconds per window, default 5], [rounds, 3],
 * [the portal's PID], [concurrency levels, comma-separated: default 1,2,4,8].
 */
public final class SignInLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String CONCURRENCY = "1,2,4,8";
    private static final com.sun.management.OperatingSystemMXBean OWN_PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private final String portal;
    private final String management;
    private final String upn;
    private final String password;
    private final Duration window;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String pid;
    private final Argon2 libargon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, 16, 32);

    private SignInLoad(String portal, String management, String upn, String password, Duration window, String pid) {
        this.portal = portal;
        this.management = management;
        this.upn = upn;
        this.password = password;
        this.window = window;
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        Duration window = Duration.ofSeconds(args.length > 4 ? Integer.parseInt(args[4]) : 5);
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        int[] levels = Arrays.stream((args.length > 7 ? args[7] : CONCURRENCY).split(","))
                .mapToInt(Integer::parseInt).toArray();
        new SignInLoad(args[0], args[1], args[2], args[3], window, args.length > 6 ? args[6] : null)
                .run(rounds, levels);
    }

    private void run(int rounds, int[] levels) throws Exception {
        int processors = Runtime.getRuntime().availableProcessors();
        System.out.printf("processors %d, window %d s, %d rounds per concurrency; portal resident %s%n", processors,
                window.toSeconds(), rounds, residentMemory());
        signIns(2);
        hashesPerSecond(processors, true);
        hashesPerSecond(processors, false);
        System.out.println("concurrency  sign-ins/s  native limit/s  ratio to it (median, worst)  "
                + "BouncyCastle limit/s  ratio to it  p50 ms  p99 ms  POST server ms (mean)  hashing share of POST  "
                + "young GCs/s  full GCs  load program's CPU");
        for (int users : levels) {
            List<Double> ratios = new ArrayList<>();
            List<Double> javaRatios = new ArrayList<>();
            List<Long> latencies = new ArrayList<>();
            double rate = 0;
            double limit = 0;
            double javaLimit = 0;
            double ownCpu = 0;
            Map<String, Double> before = figures();
            for (int round = 0; round < rounds; round++) {
                double roundLimit = hashesPerSecond(processors, true);
                Window signIns = signIns(users);
                double roundJavaLimit = hashesPerSecond(processors, false);
                ratios.add(signIns.rate() / roundLimit);
                javaRatios.add(signIns.rate() / roundJavaLimit);
                latencies.addAll(signIns.latenciesNanos());
                rate += signIns.rate() / rounds;
                limit += roundLimit / rounds;
                javaLimit += roundJavaLimit / rounds;
                ownCpu += signIns.ownCpuShare() / rounds;
            }
            Map<String, Double> after = figures();
            double hashing = delta(before, after, "myaccount_password_hashing_seconds_sum");
            double posts = delta(before, after, "http_server_requests_seconds_count" + POST_SIGN_IN);
            double postSeconds = delta(before, after, "http_server_requests_seconds_sum" + POST_SIGN_IN);
            double signInWindows = rounds * (double) window.toSeconds();
            System.out.printf("%11d  %10.2f  %14.2f  %15.0f%% %9.0f%%  %20.2f  %10.0f%%  %6.0f  %6.0f  %20.1f  %20.0f%%"
                    + "  %11.2f  %8.0f  %16.0f%%%n", users, rate, limit, 100 * median(ratios),
                    100 * Collections.min(ratios), javaLimit, 100 * median(javaRatios), percentile(latencies, 50),
                    percentile(latencies, 99), 1000 * postSeconds / posts, 100 * hashing / postSeconds,
                    (sum(after, YOUNG_GC) - sum(before, YOUNG_GC)) / signInWindows,
                    sum(after, FULL_GC) - sum(before, FULL_GC), 100 * ownCpu);
        }
        System.out.printf("portal resident after the run: %s%n", residentMemory());
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

    /** A window's sign-ins per second, their times, and the share of the processors this program used. */
    private record Window(double rate, List<Long> latenciesNanos, double ownCpuShare) {
    }

    /** As many whole sign-ins as {@code users} virtual users complete in one window. */
    private Window signIns(int users) throws Exception {
        long cpuBefore = OWN_PROCESS.getProcessCpuTime();
        ExecutorService pool = Executors.newFixedThreadPool(users);
        long end = System.nanoTime() + window.toNanos();
        List<Future<List<Long>>> done = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            done.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    signIn();
                    latencies.add(System.nanoTime() - start);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> user : done) {
            all.addAll(user.get());
        }
        pool.shutdown();
        double cpu = (OWN_PROCESS.getProcessCpuTime() - cpuBefore) / (double) window.toNanos();
        return new Window(all.size() / (double) window.toSeconds(), all,
                cpu / Runtime.getRuntime().availableProcessors());
    }

    private void signIn() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(portal + "/signin")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = session(page);
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the sign-in page");
        }
        String form = "upn=" + encode(upn) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<Void> posted = http.send(HttpRequest.newBuilder(URI.create(portal + "/signin"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        String location = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || location.contains("/signin")) {
            throw new IllegalStateException("Sign-in refused: " + posted.statusCode() + " " + location);
        }
        String session = session(posted);
        HttpResponse<Void> home = http.send(HttpRequest.newBuilder(URI.create(location.startsWith("http") ? location
                : portal + location)).header("Cookie", session).build(), HttpResponse.BodyHandlers.discarding());
        if (home.statusCode() != 200) {
            throw new IllegalStateException("My Account answered " + home.statusCode());
        }
    }

    /** The session cookie a response sets (a successful sign-in also sets the device cookie). */
    private static String session(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow().split(";", 2)[0];
    }

    /** Argon2id hashes per second with the portal's parameters on every processor: the limit. */
    private double hashesPerSecond(int processors, boolean nativeLibrary) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(processors);
        long end = System.nanoTime() + window.toNanos();
        List<Future<Integer>> done = new ArrayList<>();
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        for (int p = 0; p < processors; p++) {
            done.add(pool.submit(() -> {
                Argon2PasswordEncoder java = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
                int hashes = 0;
                while (System.nanoTime() < end) {
                    if (nativeLibrary) {
                        libargon2.hash(2, 19456, 1, bytes);
                    } else {
                        java.encode(password);
                    }
                    hashes++;
                }
                return hashes;
            }));
        }
        int hashes = 0;
        for (Future<Integer> processor : done) {
            hashes += processor.get();
        }
        pool.shutdown();
        return hashes / (double) window.toSeconds();
    }

    private Map<String, Double> figures() throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create(management + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
