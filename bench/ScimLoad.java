import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SCIM provisioning throughput of a running portal: creates COUNT people with the JSON Entra's provisioning
 * sends (no password), then PATCHes each as Entra does (active "False", a new displayName), CONCURRENCY at a
 * time over kept-alive connections, and prints per second, p50 and p99 of each, and how many failed.
 * Usage (a token from the Provisioning page, or the scim-token command):
 *   java bench/ScimLoad.java http://localhost:8080 TOKEN contoso.example [count] [concurrency]
 */
public class ScimLoad {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0] + "/scim/v2/Users";
        String token = args[1];
        String domain = args[2];
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        long run = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> ids = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, null)));
        phase("create", count, concurrency, i -> {
            String upn = "bench-" + run + "-" + i + "@" + domain;
            HttpResponse<String> answer = http.send(request(base, token).POST(HttpRequest.BodyPublishers.ofString("""
                    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                     "externalId": "%s", "userName": "%s", "active": true, "displayName": "Bench %d",
                     "name": {"givenName": "Bench", "familyName": "%d"},
                     "emails": [{"primary": true, "type": "work", "value": "%s"}], "title": "Tester",
                     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "QA"}}"""
                    .formatted("bench-" + run + "-" + i, upn, i, i, upn))).build(), HttpResponse.BodyHandlers.ofString());
            Matcher id = ID.matcher(answer.body());
            if (answer.statusCode() == 201 && id.find()) {
                ids.set(i, id.group(1));
                return true;
            }
            return false;
        });
        phase("patch", count, concurrency, i -> ids.get(i) != null && http.send(request(base + "/" + ids.get(i), token)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("""
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations": [{"op": "Replace", "path": "active", "value": "False"},
                                        {"op": "Replace", "path": "displayName", "value": "Bench %d (left)"}]}"""
                        .formatted(i))).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        System.exit(0);
    }

    interface Call {
        boolean send(int i) throws Exception;
    }

    private static HttpRequest.Builder request(String uri, String token) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/scim+json");
    }

    private static void phase(String name, int count, int concurrency, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger failed = new AtomicInteger();
        long[] took = new long[count];
        long start = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            all.add(pool.submit(() -> {
                long begun = System.nanoTime();
                try {
                    if (!call.send(n)) {
                        failed.incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
                took[n] = System.nanoTime() - begun;
            }));
        }
        for (Future<?> future : all) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        java.util.Arrays.sort(took);
        System.out.printf("%s: %.0f/s, p50 %.1f ms, p99 %.1f ms, failed %d of %d%n", name, count / seconds,
                took[count / 2] / 1e6, took[(int) (count * 0.99)] / 1e6, failed.get(), count);
    }
}
