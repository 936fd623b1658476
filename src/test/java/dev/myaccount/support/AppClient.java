package dev.myaccount.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An app's side of OpenID Connect as the tests speak it over HTTP: the authorization request a browser carries
 * (with a fresh PKCE verifier), and the requests the app sends to the token endpoint with its own credentials.
 */
public final class AppClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String clientId;
    private final String secret;
    private final String redirectUri;
    private final HttpClient http = HttpClient.newHttpClient();
    private final SecureRandom random = new SecureRandom();

    public AppClient(int port, String clientId, String secret, String redirectUri) {
        this.base = "http://localhost:" + port;
        this.clientId = clientId;
        this.secret = secret;
        this.redirectUri = redirectUri;
    }

    /** One authorization request: its verifier, and its path and query with the challenge of it. */
    public record Authorization(String verifier, String path) {
    }

    public record Answer(int status, JsonNode body) {

        public String text(String field) {
            return body.path(field).asString();
        }
    }

    public Authorization authorization(String extraQuery) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
        return new Authorization(verifier, "/oauth2/authorize?" + query(Map.of("response_type", "code",
                "client_id", clientId, "redirect_uri", redirectUri, "scope", "openid profile email",
                "state", "state-1", "nonce", "nonce-1", "code_challenge", challenge,
                "code_challenge_method", "S256")) + extraQuery);
    }

    /** The parameters the portal sent the browser back to the app with. */
    public static Map<String, String> answerIn(String location) {
        String query = URI.create(location).getRawQuery();
        return Arrays.stream(query == null ? new String[0] : query.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0],
                        pair -> URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8)));
    }

    public Answer exchange(String code, String verifier) {
        return token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "code_verifier", verifier));
    }

    public Answer refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    public Answer clientCredentials() {
        return token(Map.of("grant_type", "client_credentials"));
    }

    public Answer token(Map<String, String> fields) {
        return post("/oauth2/token", fields);
    }

    public Answer post(String path, Map<String, String> fields) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(fields)));
        if (secret != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request);
    }

    public Answer getWithToken(String path, String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + accessToken));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = answer.body();
            return new Answer(answer.statusCode(), body.startsWith("{") ? JSON.readTree(body) : JSON.missingNode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String query(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
