package dev.myaccount.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Load program for whole sign-ins against a running portal (README, "Benchmarks"): each virtual user
 * opens the sign-in page, reads its CSRF token, posts the form and follows the redirect to My Account.
 * The limit that hashing sets (processors ÷ the time of one Argon2id hash) is measured in this same run,
 * in short windows that alternate with the sign-in windows, because the machine's speed drifts; the
 * ratio is taken per pair of windows and its median reported. The portal's own figures give the share
 * of its sign-in time spent hashing.
 *
 * <p>Arguments: portal URL, management URL, UPN, password, [seconds per window, default 5], [rounds, 3].
 */
public final class SignInLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final int[] CONCURRENCY = {1, 2, 4, 8};
    private static final com.sun.management.OperatingSystemMXBean OWN_PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private final String portal;
    private final String management;
    private final String upn;
    private final String password;
    private final Duration window;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private SignInLoad(String portal, String management, String upn, String password, Duration window) {
        this.portal = portal;
        this.management = management;
        this.upn = upn;
        this.password = password;
        this.window = window;
    }

    public static void main(String[] args) throws Exception {
        Duration window = Duration.ofSeconds(args.length > 4 ? Integer.parseInt(args[4]) : 5);
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        new SignInLoad(args[0], args[1], args[2], args[3], window).run(rounds);
    }

    private void run(int rounds) throws Exception {
        int processors = Runtime.getRuntime().availableProcessors();
        System.out.printf("processors %d, window %d s, %d rounds per concurrency%n", processors, window.toSeconds(), rounds);
        signIns(2);
        hashesPerSecond(processors);
        System.out.println("concurrency  sign-ins/s  limit/s  median ratio  p50 ms  p95 ms  p99 ms  "
                + "hashing share of sign-in check  of POST /signin  load program's CPU share");
        for (int users : CONCURRENCY) {
            List<Double> ratios = new ArrayList<>();
            List<Long> latencies = new ArrayList<>();
            double rate = 0;
            double limit = 0;
            double ownCpu = 0;
            Map<String, Double> before = figures();
            for (int round = 0; round < rounds; round++) {
                double roundLimit = hashesPerSecond(processors);
                Window signIns = signIns(users);
                ratios.add(signIns.rate() / roundLimit);
                latencies.addAll(signIns.latenciesNanos());
                rate += signIns.rate() / rounds;
                limit += roundLimit / rounds;
                ownCpu += signIns.ownCpuShare() / rounds;
            }
            Map<String, Double> after = figures();
            double hashing = delta(before, after, "myaccount_password_hashing_seconds_sum");
            System.out.printf("%11d  %10.2f  %7.2f  %11.0f%%  %6.0f  %6.0f  %6.0f  %29.0f%%  %14.0f%%  %26.0f%%%n", users, rate, limit,
                    100 * median(ratios), percentile(latencies, 50), percentile(latencies, 95),
                    percentile(latencies, 99), 100 * hashing / delta(before, after, "myaccount_signin_duration_seconds_sum"),
                    100 * hashing / delta(before, after, "http_server_requests_seconds_sum{error=\"none\",exception=\"none\",method=\"POST\",outcome=\"REDIRECTION\",status=\"302\",uri=\"REDIRECTION\"}"),
                    100 * ownCpu);
        }
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
    private double hashesPerSecond(int processors) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(processors);
        long end = System.nanoTime() + window.toNanos();
        List<Future<Integer>> done = new ArrayList<>();
        for (int p = 0; p < processors; p++) {
            done.add(pool.submit(() -> {
                Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
                int hashes = 0;
                while (System.nanoTime() < end) {
                    argon2.encode(password);
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
