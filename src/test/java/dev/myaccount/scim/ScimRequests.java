package dev.myaccount.scim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** SCIM requests as a provisioning service sends them, byte for byte: its JSON, its methods, its bearer token. */
final class ScimRequests {

    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    ScimRequests(int port) {
        this.port = port;
    }

    HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/scim/v2" + path))
                .header("Content-Type", "application/scim+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A PATCH whose operations are the JSON objects given, in a PatchOp message. */
    HttpResponse<String> patch(String path, String token, String... operations)
            throws IOException, InterruptedException {
        return send("PATCH", path, token, "{\"schemas\": [\"" + PATCH_OP + "\"], \"Operations\": ["
                + String.join(", ", operations) + "]}");
    }
}
