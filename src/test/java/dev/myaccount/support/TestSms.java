package dev.myaccount.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * An SMS gateway's webhook in the test JVM, started once on a free port: it keeps every request body and
 * its Authorization header, and answers 202 as gateways do.
 */
public final class TestSms {

    public record Received(String body, String authorization) {
    }

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Set<String> FAILING = ConcurrentHashMap.newKeySet();
    private static HttpServer server;

    private TestSms() {
    }

    public static synchronized String url() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/sms", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean failing = FAILING.stream().anyMatch(number -> body.contains("\"" + number + "\""));
                if (!failing) {
                    RECEIVED.add(new Received(body, exchange.getRequestHeaders().getFirst("Authorization")));
                }
                exchange.sendResponseHeaders(failing ? 503 : 202, -1);
                exchange.close();
            });
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    /** From now on the gateway answers 503 to messages for {@code number}, as one that is down, and takes none. */
    public static void failFor(String number) {
        FAILING.add(number);
    }

    /** The messages the webhook received for {@code number} (E.164), oldest first. */
    public static List<Received> to(String number) {
        return RECEIVED.stream().filter(r -> r.body().contains("\"" + number + "\"")).toList();
    }

    public static String lastCode(String number) {
        List<Received> messages = to(number);
        if (messages.isEmpty()) {
            throw new AssertionError("No text message to " + number);
        }
        Matcher code = CODE.matcher(messages.get(messages.size() - 1).body());
        if (!code.find()) {
            throw new AssertionError("No code in the text message to " + number);
        }
        return code.group(1);
    }
}
