package dev.myaccount.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.net.URIBuilder;

/**
 * Grants and sign-ins per second against two OpenID Providers, the portal and Keycloak (bench/keycloak.sh), in
 * windows that alternate between them, as the machine's speed drifts. Each worker keeps one connection and, as an app
 * does: for {@code client_credentials} posts its secret; for {@code refresh_token} trades its refresh token for the
 * next (signed in once, beforehand); for {@code authorization_code} asks for a code in its signed-in browser session
 * (PKCE) and trades it, two requests counted as one grant. For {@code sign_in} it is a person in a new browser
 * session: the sign-in page, then the form posted. Prints every window, then per operation and concurrency the
 * median and worst rate of each server, the median ratio of the pairs of windows, p50 and p99, the processor time
 * this client took, and the servers' resident memory when their PIDs are given.
 *
 * <p>Settings from the environment: {@code PORTAL_URL}, {@code KEYCLOAK_URL} (the realm's), and for each,
 * {@code _CLIENT_ID}, {@code _SECRET}, {@code _REDIRECT}, {@code _USER}, {@code _PASSWORD}; {@code SERVERS} names
 * two others as {@code name:PREFIX:kind,...} (kind {@code portal} or {@code keycloak}), as bench/directory.sh does
 * to compare two people of the portal, one of its own directory and one of an organisation's. Arguments:
 * [operations, comma-separated, default the three grants], [seconds per window, 5], [rounds, 3], [concurrency
 * levels, 1,4,16], [the two servers' PIDs, comma-separated].
 */
public final class KeycloakLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern KEYCLOAK_FORM = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern REFRESH = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");

    private record Server(String name, String authorize, String token, String clientId, String secret,
            String redirect, String user, String password, boolean keycloak) {

        static Server of(String name, String prefix, boolean keycloak) {
            String base = System.getenv(prefix + "_URL");
            return new Server(name, base + (keycloak ? "/protocol/openid-connect/auth" : "/oauth2/authorize"),
                    base + (keycloak ? "/protocol/openid-connect/token" : "/oauth2/token"),
                    System.getenv(prefix + "_CLIENT_ID"), System.getenv(prefix + "_SECRET"),
                    System.getenv(prefix + "_REDIRECT"), System.getenv(prefix + "_USER"),
                    System.getenv(prefix + "_PASSWORD"), keycloak);
        }

        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Window(double perSecond, long[] latencies, long failures, long clientCpuNanos) {
    }

    /**
     * One worker's connection, cookies (its browser session) and PKCE pair. Cookies are kept by hand: Keycloak marks
     * its cookies Secure, which a client keeps from a plain-HTTP server, and a browser sends to localhost anyway.
     */
    private static final class Worker {
        final CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(2)
                        .setMaxConnPerRoute(1).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().build();
        final Map<String, String> cookies = new LinkedHashMap<>();
        final String verifier;
        final String challenge;
        String refreshToken;

        Worker() throws Exception {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    public static void main(String[] args) throws Exception {
        List<Server> servers = Arrays.stream(System.getenv().getOrDefault("SERVERS",
                "myaccount:PORTAL:portal,keycloak:KEYCLOAK:keycloak").split(",")).map(named -> named.split(":"))
                .map(named -> Server.of(named[0], named[1], named[2].equals("keycloak"))).toList();
        List<String> grants = List.of((args.length > 0 ? args[0]
                : "client_credentials,refresh_token,authorization_code").split(","));
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int[] levels = Arrays.stream((args.length > 3 ? args[3] : "1,4,16").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        String[] pids = args.length > 4 ? args[4].split(",") : new String[0];
        int most = Arrays.stream(levels).max().orElse(1);
        Map<String, List<Worker>> workers = new LinkedHashMap<>();
        for (Server server : servers) {
            List<Worker> ready = new ArrayList<>();
            for (int i = 0; i < most; i++) {
                Worker worker = new Worker();
                signIn(server, worker);
                ready.add(worker);
            }
            workers.put(server.name(), ready);
            System.out.printf("%s signs access tokens with %s and ID tokens with %s%n", server.name(),
                    algorithm(token(server, ready.get(0), form("grant_type", "client_credentials")), "access_token"),
                    algorithm(exchange(server, ready.get(0), code(server, ready.get(0))), "id_token"));
        }
        for (String grant : grants) {
            for (Server server : servers) {
                window(server, grant, workers.get(server.name()).subList(0, Math.min(4, most)), 3);
            }
            Map<String, List<Window>> windows = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (int level : levels) {
                    List<Server> order = round % 2 == 0 ? servers : List.of(servers.get(1), servers.get(0));
                    for (Server server : order) {
                        Window window = window(server, grant, workers.get(server.name()).subList(0, level), seconds);
                        windows.computeIfAbsent(server.name() + "@" + level, key -> new ArrayList<>()).add(window);
                        System.out.printf("%s round %d c=%-3d %-10s %8.1f/s  p50 %6.2f ms  p99 %6.2f ms  failed %d%n",
                                grant, round + 1, level, server.name(), window.perSecond(),
                                percentile(window.latencies(), 50), percentile(window.latencies(), 99),
                                window.failures());
                    }
                }
            }
            for (int level : levels) {
                summary(grant, level, seconds, servers, windows);
            }
        }
        for (int i = 0; i < pids.length; i++) {
            System.out.printf("%s resident memory after the run: %d MB%n", servers.get(i).name(), residentMb(pids[i]));
        }
    }

    private static void summary(String grant, int level, int seconds, List<Server> servers,
            Map<String, List<Window>> windows) {
        List<Window> first = windows.get(servers.get(0).name() + "@" + level);
        List<Window> second = windows.get(servers.get(1).name() + "@" + level);
        List<Double> ratios = new ArrayList<>();
        double cpu = 0;
        for (int i = 0; i < first.size(); i++) {
            ratios.add(first.get(i).perSecond() / second.get(i).perSecond());
            cpu += first.get(i).clientCpuNanos();
        }
        System.out.printf("SUMMARY %s c=%d | %s median %.1f/s (worst %.1f), p50 %.2f ms, p99 %.2f ms | %s median "
                        + "%.1f/s (worst %.1f), p50 %.2f ms, p99 %.2f ms | ratio median %.2f (worst %.2f, best %.2f)"
                        + " | this client %.0f%% of a processor%n", grant, level,
                servers.get(0).name(), median(rates(first)), Collections.min(rates(first)),
                percentile(all(first), 50), percentile(all(first), 99), servers.get(1).name(),
                median(rates(second)), Collections.min(rates(second)), percentile(all(second), 50),
                percentile(all(second), 99), median(ratios), Collections.min(ratios), Collections.max(ratios),
                100 * cpu / (first.size() * seconds * 1e9));
    }

    /** Signs the worker's browser session in and keeps the refresh token of a first code. */
    private static void signIn(Server server, Worker worker) throws Exception {
        if (!freshSignIn(server, worker)) {
            throw new IllegalStateException(server.name() + " did not sign " + server.user() + " in");
        }
        String tokens = exchange(server, worker, code(server, worker));
        Matcher refresh = tokens == null ? null : REFRESH.matcher(tokens);
        if (refresh == null || !refresh.find()) {
            throw new IllegalStateException(server.name() + " gave no refresh token: " + tokens);
        }
        worker.refreshToken = refresh.group(1);
    }

    /**
     * A whole sign-in in a new browser session, as a person makes it: the sign-in page, then the form posted. The
     * portal's page is its own; Keycloak's is the one an app's authorization request opens, and its answer is the
     * app's address with a code. True when the server signed the person in.
     */
    private static boolean freshSignIn(Server server, Worker worker) throws Exception {
        worker.cookies.clear();
        if (server.keycloak()) {
            Matcher form = KEYCLOAK_FORM.matcher(send(worker, new HttpGet(authorizeUri(server, worker)))[1]);
            if (!form.find()) {
                return false;
            }
            HttpPost post = new HttpPost(form.group(1).replace("&amp;", "&"));
            post.setEntity(form("username", server.user(), "password", server.password()));
            String location = send(worker, post)[0];
            return location != null && location.startsWith(server.redirect()) && location.contains("code=");
        }
        URI page = URI.create(server.authorize()).resolve("/signin");
        Matcher csrf = CSRF.matcher(send(worker, new HttpGet(page))[1]);
        if (!csrf.find()) {
            return false;
        }
        HttpPost post = new HttpPost(page);
        post.setEntity(form("_csrf", csrf.group(1), "upn", server.user(), "password", server.password()));
        String location = send(worker, post)[0];
        return location != null && !location.contains("/signin");
    }

    /** The {@code alg} of the JWT in the field of a token response, which says what the server spent on it. */
    private static String algorithm(String tokens, String field) {
        Matcher jwt = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^.\"]+)\\.").matcher(tokens);
        if (!jwt.find()) {
            return "nothing (no " + field + ")";
        }
        Matcher alg = Pattern.compile("\"alg\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(new String(Base64.getUrlDecoder().decode(jwt.group(1)), StandardCharsets.UTF_8));
        return alg.find() ? alg.group(1) : "?";
    }

    private static URI authorizeUri(Server server, Worker worker) throws Exception {
        return new URIBuilder(server.authorize()).addParameter("response_type", "code")
                .addParameter("client_id", server.clientId()).addParameter("redirect_uri", server.redirect())
                .addParameter("scope", "openid profile").addParameter("state", "bench")
                .addParameter("code_challenge", worker.challenge).addParameter("code_challenge_method", "S256")
                .build();
    }

    private static String code(Server server, Worker worker) throws Exception {
        String location = send(worker, new HttpGet(authorizeUri(server, worker)))[0];
        String query = location == null ? "" : URI.create(location).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("code=")) {
                return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException(server.name() + " gave no code: " + location);
    }

    private static String exchange(Server server, Worker worker, String code) throws Exception {
        return token(server, worker, form("grant_type", "authorization_code", "code", code, "redirect_uri",
                server.redirect(), "code_verifier", worker.verifier));
    }

    private static String token(Server server, Worker worker, StringEntity body) throws Exception {
        HttpPost post = new HttpPost(server.token());
        post.setHeader("Authorization", server.basic());
        post.setEntity(body);
        String[] answer = send(worker, post, false);
        return "200".equals(answer[2]) ? answer[1] : null;
    }

    /** The answer's Location, body and status, for the worker's browser, which sends its cookies and keeps new ones. */
    private static String[] send(Worker worker, HttpUriRequestBase request) throws IOException {
        return send(worker, request, true);
    }

    /**
     * The answer's Location, body and status. An app's server calls the token endpoint without the person's browser
     * cookies, which it never sees.
     */
    private static String[] send(Worker worker, HttpUriRequestBase request, boolean browser) throws IOException {
        if (browser && !worker.cookies.isEmpty()) {
            request.setHeader("Cookie", worker.cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return worker.http.execute(request, response -> {
            for (Header set : browser ? response.getHeaders("Set-Cookie") : new Header[0]) {
                String[] pair = set.getValue().split(";", 2)[0].split("=", 2);
                if (pair.length < 2 || pair[1].isEmpty() || set.getValue().contains("Max-Age=0")) {
                    worker.cookies.remove(pair[0]);
                } else {
                    worker.cookies.put(pair[0], pair[1]);
                }
            }
            Header location = response.getFirstHeader("Location");
            return new String[] {location == null ? null : location.getValue(),
                EntityUtils.toString(response.getEntity()), String.valueOf(response.getCode())};
        });
    }

    private static StringEntity form(String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return new StringEntity(body.toString(), ContentType.APPLICATION_FORM_URLENCODED);
    }

    /** One grant of the kind; true when the server granted it. */
    private static boolean grant(Server server, String grant, Worker worker) throws Exception {
        switch (grant) {
            case "client_credentials" -> {
                return token(server, worker, form("grant_type", "client_credentials")) != null;
            }
            case "refresh_token" -> {
                String answer = token(server, worker, form("grant_type", "refresh_token", "refresh_token",
                        worker.refreshToken));
                Matcher refresh = answer == null ? null : REFRESH.matcher(answer);
                if (refresh == null || !refresh.find()) {
                    return false;
                }
                worker.refreshToken = refresh.group(1);
                return true;
            }
            case "sign_in" -> {
                return freshSignIn(server, worker);
            }
            default -> {
                return exchange(server, worker, code(server, worker)) != null;
            }
        }
    }

    private static Window window(Server server, String grant, List<Worker> workers, int seconds) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> results = new ArrayList<>();
        for (Worker worker : workers) {
            results.add(pool.submit(() -> {
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long[] latencies = new long[1 << 16];
                int count = 0;
                long failures = 0;
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    boolean granted = grant(server, grant, worker);
                    long took = System.nanoTime() - start;
                    if (granted) {
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = took;
                    } else {
                        failures++;
                    }
                }
                long[] result = Arrays.copyOf(latencies, count + 2);
                result[count] = failures;
                result[count + 1] = threads.getCurrentThreadCpuTime() - cpuBefore;
                return result;
            }));
        }
        List<long[]> parts = new ArrayList<>();
        long failures = 0;
        long cpu = 0;
        try {
            for (Future<long[]> result : results) {
                long[] part = result.get();
                failures += part[part.length - 2];
                cpu += part[part.length - 1];
                parts.add(Arrays.copyOf(part, part.length - 2));
            }
        } finally {
            // A worker that failed ends the program, rather than the others keeping it alive.
            pool.shutdownNow();
        }
        long[] latencies = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Window(latencies.length / (double) seconds, latencies, failures, cpu);
    }

    private static List<Double> rates(List<Window> windows) {
        return windows.stream().map(Window::perSecond).toList();
    }

    private static long[] all(List<Window> windows) {
        return windows.stream().flatMapToLong(window -> Arrays.stream(window.latencies())).sorted().toArray();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double percentile(long[] sortedNanos, int percent) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) (sortedNanos.length * percent / 100.0))] / 1e6;
    }

    private static long residentMb(String pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    }
}
