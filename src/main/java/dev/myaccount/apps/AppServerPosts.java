package dev.myaccount.apps;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * The portal's posts to an app's own server (back-channel logouts, security events): five seconds to connect and
 * five to answer, and no redirect followed, so that an app cannot send the portal on to another server.
 */
@Component
class AppServerPosts {

    static final Duration WAIT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Posts {@code body} with the headers (names and values in turn) and gives the answer's status. */
    int post(String uri, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(WAIT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
