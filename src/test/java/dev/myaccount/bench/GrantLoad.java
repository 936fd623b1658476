package dev.myaccount.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * Client-credentials grants per second against two token endpoints (the portal's and Keycloak's, see
 * bench/keycloak-grants.sh), in windows that alternate between them, as the machine's speed drifts: each worker keeps one connection and posts
 * {@code grant_type=client_credentials} with HTTP Basic, as an app does. Prints every window, then per concurrency
 * the median and worst rate of each server, the median ratio of the pairs of windows, p50 and p99, the processor
 * time this client took, and the servers' resident memory when their PIDs are given.
 *
 * <p>Arguments: name=tokenUrl,clientId,secret for each of two servers, [seconds per window, 5], [rounds, 3],
 * [concurrency levels, 1,4,16], [PIDs of the two servers, comma-separated].
 */
public final class GrantLoad {

    private record Server(String name, String tokenUrl, String authorization) {
    }

    private record Window(double perSecond, long[] latencies, long failures, long clientCpuNanos) {
    }

    public static void main(String[] args) throws Exception {
        List<Server> servers = List.of(server(args[0]), server(args[1]));
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int[] levels = Arrays.stream((args.length > 4 ? args[4] : "1,4,16").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        String[] pids = args.length > 5 ? args[5].split(",") : new String[0];
        for (Server server : servers) {
            window(server, 4, 3);
        }
        Map<String, List<Window>> windows = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (int level : levels) {
                List<Server> order = round % 2 == 0 ? servers : List.of(servers.get(1), servers.get(0));
                for (Server server : order) {
                    Window window = window(server, level, seconds);
                    windows.computeIfAbsent(server.name() + "@" + level, key -> new ArrayList<>()).add(window);
                    System.out.printf("round %d  c=%-3d %-10s %8.1f grants/s  p50 %6.2f ms  p99 %6.2f ms  failed %d%n",
                            round + 1, level, server.name(), window.perSecond(), percentile(window.latencies(), 50),
                            percentile(window.latencies(), 99), window.failures());
                }
            }
        }
        System.out.println();
        for (int level : levels) {
            List<Window> first = windows.get(servers.get(0).name() + "@" + level);
            List<Window> second = windows.get(servers.get(1).name() + "@" + level);
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < first.size(); i++) {
                ratios.add(first.get(i).perSecond() / second.get(i).perSecond());
            }
            System.out.printf("c=%-3d %s median %.1f/s (worst %.1f), p50 %.2f ms, p99 %.2f ms | %s median %.1f/s "
                            + "(worst %.1f), p50 %.2f ms, p99 %.2f ms | ratio median %.2f (worst %.2f, best %.2f)%n",
                    level, servers.get(0).name(), median(rates(first)), Collections.min(rates(first)),
                    percentile(all(first), 50), percentile(all(first), 99), servers.get(1).name(),
                    median(rates(second)), Collections.min(rates(second)), percentile(all(second), 50),
                    percentile(all(second), 99), median(ratios), Collections.min(ratios), Collections.max(ratios));
            double cpu = 0;
            double wall = 0;
            for (Window window : first) {
                cpu += window.clientCpuNanos();
                wall += seconds * 1e9;
            }
            System.out.printf("      this client took %.0f%% of one processor while loading %s%n", 100 * cpu / wall,
                    servers.get(0).name());
        }
        for (int i = 0; i < pids.length; i++) {
            System.out.printf("%s resident memory after the run: %d MB%n", servers.get(i).name(), residentMb(pids[i]));
        }
    }

    private static Server server(String argument) {
        String[] nameAndRest = argument.split("=", 2);
        String[] parts = nameAndRest[1].split(",");
        return new Server(nameAndRest[0], parts[0], "Basic " + Base64.getEncoder()
                .encodeToString((parts[1] + ":" + parts[2]).getBytes(StandardCharsets.UTF_8)));
    }

    private static Window window(Server server, int workers, int seconds) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> results = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            results.add(pool.submit(() -> {
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long[] latencies = new long[1 << 16];
                int count = 0;
                long failures = 0;
                var oneConnection = PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(1)
                        .setMaxConnPerRoute(1).build();
                try (CloseableHttpClient http = HttpClients.custom().setConnectionManager(oneConnection).build()) {
                    while (System.nanoTime() < deadline) {
                        HttpPost post = new HttpPost(server.tokenUrl());
                        post.setHeader("Authorization", server.authorization());
                        post.setEntity(new StringEntity("grant_type=client_credentials",
                                ContentType.APPLICATION_FORM_URLENCODED));
                        long start = System.nanoTime();
                        int status = http.execute(post, response -> {
                            EntityUtils.consume(response.getEntity());
                            return response.getCode();
                        });
                        long took = System.nanoTime() - start;
                        if (status == 200) {
                            if (count == latencies.length) {
                                latencies = Arrays.copyOf(latencies, count * 2);
                            }
                            latencies[count++] = took;
                        } else {
                            failures++;
                        }
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
        for (Future<long[]> result : results) {
            long[] part = result.get();
            failures += part[part.length - 2];
            cpu += part[part.length - 1];
            parts.add(Arrays.copyOf(part, part.length - 2));
        }
        pool.shutdown();
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
