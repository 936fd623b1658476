package dev.myaccount.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Requests as an attacker or a broken client writes them, byte for byte (a forged Host, an oversized
 * header, an encoded slash), which an ordinary HTTP client refuses to send.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Answer(int status, String head, String body) {

        public Optional<String> header(String name) {
            return head.lines().skip(1).filter(line -> line.toLowerCase(Locale.ROOT)
                    .startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst();
        }

        /** {@code name=value} of the cookie the answer sets, for a Cookie header. */
        public String cookie(String name) {
            String prefix = "set-cookie: " + name.toLowerCase(Locale.ROOT) + "=";
            return head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(line -> line.substring("set-cookie: ".length()).split(";")[0]).findFirst().orElseThrow();
        }

        public Document page() {
            return Jsoup.parse(body);
        }
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}; reads to the end. */
    public static Answer send(int port, String head, byte[] body) {
        return sendFrom("127.0.0.1", port, head, body);
    }

    /** The same, from another loopback address of this machine (127.0.0.2, say), as another client would. */
    public static Answer sendFrom(String localAddress, int port, String head, byte[] body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(localAddress),
                0)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String headers = head + "\r\nConnection: close\r\n" + (body.length > 0 ? "Content-Length: " + body.length
                    + "\r\n" : "") + "\r\n";
            out.write(headers.getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before reading a body it refuses; its answer is still there.
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET with these headers, and {@code Host: localhost} unless they name a host of their own. */
    public static Answer get(int port, String path, String... headers) {
        boolean ownHost = Arrays.stream(headers).anyMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5));
        return send(port, "GET " + path + " HTTP/1.1" + (ownHost ? "" : "\r\nHost: localhost:" + port)
                + (headers.length > 0 ? "\r\n" + String.join("\r\n", headers) : ""), new byte[0]);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // A connection reset after the answer (the server did not read the whole body) ends it.
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        // A "100 Continue" before the real answer is skipped.
        if (head.startsWith("HTTP/1.1 100")) {
            return parse(Arrays.copyOfRange(raw, end + 4, raw.length));
        }
        int status = Integer.parseInt(head.split(" ", 3)[1]);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        return new Answer(status, head, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                break;
            }
            // Sizes count bytes; the pages are ASCII but for a few letters, so re-encode to be exact.
            byte[] rest = chunked.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
            body.append(chunk);
            at = lineEnd + 2 + chunk.length() + 2;
        }
        return body.toString();
    }
}
