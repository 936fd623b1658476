package dev.myaccount.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser without a screen: keeps cookies, follows no redirects by itself, and submits forms the way
 * a page has them (hidden CSRF field included), so tests speak HTTP to the portal as a person's browser does.
 */
public final class PortalClient {

    private final String base;
    private final String language;
    private final CookieManager cookies;
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public PortalClient(int port) {
        this(port, "en");
    }

    public PortalClient(int port, String language) {
        this(port, language, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private PortalClient(int port, String language, CookieManager cookies) {
        this.base = "http://localhost:" + port;
        this.language = language;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same browser, cookies and all, speaking to another node of the portal. */
    public PortalClient onPort(int otherPort) {
        return new PortalClient(otherPort, language, cookies);
    }

    /** Sends this header with every request from now on. */
    public PortalClient withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public record Response(int status, HttpResponse<String> raw) {

        public Document page() {
            return Jsoup.parse(raw.body());
        }

        public String body() {
            return raw.body();
        }

        public Optional<String> location() {
            return raw.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", ""));
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        /** The Set-Cookie header of the cookie {@code name}, attributes and all, if the answer sets it. */
        public Optional<String> setCookie(String name) {
            return raw.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Submits the form of {@code page} that matches {@code selector}, with its hidden fields and these values. */
    public Response submit(Document page, String selector, Map<String, String> values) {
        Element form = page.selectFirst(selector);
        if (form == null) {
            throw new AssertionError("No form " + selector + " on the page:\n" + page.title());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        fields.putAll(values);
        return post(form.attr("action"), fields);
    }

    public Response post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Uploads {@code file} as the form field {@code field}, with the CSRF token, as a file input sends it. */
    public Response upload(String path, String csrfToken, String field, String fileName, byte[] file) {
        String boundary = "----portal-test-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail))));
    }

    /** A request as a page's script sends it with {@code fetch}: no body, the CSRF token in its header. */
    public Response fetch(String method, String path, String csrfToken) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-CSRF-TOKEN", csrfToken)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** The CSRF token of the page's first form, as the page's own script would send it. */
    public static String csrfToken(Document page) {
        return page.selectFirst("input[name=_csrf]").attr("value");
    }

    /** Opens the sign-in page and signs in; returns the answer to the form's POST. */
    public Response signIn(String upn, String password) {
        return submit(get("/signin").page(), "form[action=/signin]", Map.of("upn", upn, "password", password));
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    private Response send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.header("Accept-Language", language)
                            .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
