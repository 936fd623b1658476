package dev.myaccount.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Floods a running portal with N concurrent sign-in posts (each from its own session, for a UPN of its
 * own), asks for a page while they are in flight, and prints the answers by status and how long the page
 * took. Run it beside {@code ps -o rss=} on the portal to see its memory (docs/benchmarks.md).
 *
 * <p>Arguments: portal URL, [N, default 1000].
 */
public final class SignInFlood {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String portal = args[0];
        int flood = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<HttpRequest> posts = new ArrayList<>();
        for (int i = 0; i < flood; i++) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(portal + "/signin")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher csrf = CSRF.matcher(page.body());
            csrf.find();
            String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                    .findFirst().orElseThrow().split(";", 2)[0];
            String form = "upn=flood" + i + "%40fabrikam.example&password=guess" + i + "&_csrf="
                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            posts.add(HttpRequest.newBuilder(URI.create(portal + "/signin")).header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }
        long start = System.nanoTime();
        // An answer is its status, or the name of the error that took its place (a reset connection, say).
        List<CompletableFuture<String>> answers = posts.stream()
                .map(post -> http.sendAsync(post, HttpResponse.BodyHandlers.discarding())
                        .thenApply(answer -> Integer.toString(answer.statusCode()))
                        .exceptionally(error -> error.getCause().getClass().getSimpleName()))
                .toList();
        long pageStart = System.nanoTime();
        int pageStatus = http.send(HttpRequest.newBuilder(URI.create(portal + "/signin")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        long pageMillis = (System.nanoTime() - pageStart) / 1_000_000;
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        long floodMillis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Long> byStatus = answers.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(answer -> answer, TreeMap::new, Collectors.counting()));
        System.out.printf("%d sign-in posts answered in %d ms: %s; a page asked for meanwhile: %d in %d ms%n",
                flood, floodMillis, byStatus, pageStatus, pageMillis);
    }
}
