package dev.myaccount.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Account;
import dev.myaccount.people.Actor;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.People;
import dev.myaccount.people.PersonChanges;
import dev.myaccount.scim.ScimClients;
import dev.myaccount.support.AppClient;
import dev.myaccount.support.AtOnce;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.SecondNode;
import dev.myaccount.support.TestPeople.Person;

/**
 * The portal as a Shared Signals transmitter: an app registers a stream with its own token and its receiver hears,
 * in event tokens signed with the portal's keys, of every change to the access of its organisation's people, from
 * every door that makes one (the Password page, Devices, the admin side, SCIM); a receiver that is down hears later;
 * two nodes push each event once; an app takes people out of its stream; the stream API answers only its own app.
 */
@PortalTest
@TestPropertySource(properties = {"myaccount.events.retry-after=PT0.3S", "myaccount.apps.signal-retry-after=PT0.5S"})
class SharedSignalsTest extends PortalTestCase {

    private static final String CAEP = "https://schemas.openid.net/secevent/caep/event-type/";
    private static final String RISC = "https://schemas.openid.net/secevent/risc/event-type/";
    private static final String SESSION_REVOKED = CAEP + "session-revoked";
    private static final String CREDENTIAL_CHANGE = CAEP + "credential-change";
    private static final String ACCOUNT_DISABLED = RISC + "account-disabled";
    private static final String ACCOUNT_ENABLED = RISC + "account-enabled";
    private static final String VERIFICATION = "https://schemas.openid.net/secevent/ssf/event-type/verification";
    private static final String NEW_PASSWORD = "a lantern over the harbour";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Apps apps;

    @Autowired
    AppGrants grants;

    @Autowired
    People everyone;

    @Autowired
    PersonChanges changes;

    @Autowired
    DirectoryService directory;

    @Autowired
    ScimClients provisioning;

    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer receiver;
    private final BlockingQueue<Pushed> pushed = new LinkedBlockingQueue<>();
    private final AtomicInteger downFor = new AtomicInteger();

    /** What a receiver was sent: the path, the Authorization header and the event token. */
    private record Pushed(String path, String authorization, String contentType, String token) {
    }

    /** One event of a token the receiver took, after its signature was checked. */
    private record Heard(String path, String event, String subject, JWTClaimsSet claims) {
    }

    /** Receivers at /wiki and /tickets: down ({@code 503}) for the first {@link #downFor} pushes. */
    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
            boolean down = downFor.getAndDecrement() > 0;
            if (!down) {
                pushed.add(new Pushed(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body));
            }
            exchange.sendResponseHeaders(down ? 503 : 202, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String receiverAt(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private record Receiver(Apps.Created app, AppClient client, String accessToken) {
    }

    private Receiver app(Person person, String path) {
        Apps.Created created = apps.create(Actor.commandLine(people.organisationOf(person)),
                new Apps.NewApp("App " + path, receiverAt(path + "/signed-in"), false, false, null),
                RequestOrigin.COMMAND_LINE);
        AppClient client = new AppClient(port, created.app().clientId(), created.secret(),
                receiverAt(path + "/signed-in"));
        return new Receiver(created, client, client.clientCredentials().text("access_token"));
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer call(String method, String path, String token, String body) throws Exception {
        return call(port, method, path, token, body);
    }

    /** A call to the node listening on {@code node}. */
    private Answer call(int node, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + node + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(answer.statusCode(), answer.body().isEmpty() ? JSON.missingNode() : JSON.readTree(answer.body()));
    }

    private String stream(Receiver app, String path, String... events) throws Exception {
        Answer created = call("POST", "/ssf/streams", app.accessToken(), JSON.writeValueAsString(Map.of(
                "delivery", Map.of("method", "urn:ietf:rfc:8935", "endpoint_url", receiverAt(path),
                        "authorization_header", "Bearer receiver-secret"),
                "events_requested", List.of(events), "description", "Test receiver")));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        return created.body().path("stream_id").asString();
    }

    /** The events of the next {@code count} tokens pushed, each checked as a receiver checks it. */
    private List<Heard> heard(int count) throws Exception {
        JWKSet keys = JWKSet.load(URI.create("http://localhost:" + port + "/oauth2/jwks").toURL());
        List<Heard> heard = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Pushed push = pushed.poll(20, TimeUnit.SECONDS);
            assertThat(push).as("push %d of %d; heard so far: %s", i + 1, count, heard).isNotNull();
            assertThat(push.contentType()).isEqualTo("application/secevent+jwt");
            assertThat(push.authorization()).isEqualTo("Bearer receiver-secret");
            SignedJWT token = SignedJWT.parse(push.token());
            assertThat(token.getHeader().getType()).isEqualTo(new JOSEObjectType("secevent+jwt"));
            assertThat(token.verify(new RSASSAVerifier(keys.getKeyByKeyId(token.getHeader().getKeyID()).toRSAKey())))
                    .isTrue();
            JWTClaimsSet claims = token.getJWTClaimsSet();
            assertThat(claims.getIssuer()).isEqualTo("http://localhost:" + port);
            assertThat(claims.getJWTID()).isNotBlank();
            Map<String, Object> events = claims.getJSONObjectClaim("events");
            assertThat(events).hasSize(1);
            Map<String, Object> subject = claims.getJSONObjectClaim("sub_id");
            heard.add(new Heard(push.path(), events.keySet().iterator().next(),
                    (String) subject.getOrDefault("sub", subject.get("id")), claims));
        }
        return heard;
    }

    private Account account(Person person) {
        return directory.find(person.id()).orElseThrow();
    }

    @Test
    void aStreamHearsOfEveryChangeToItsPeoplesAccessSignedForItsAppAndNothingOfOtherOrganisations() throws Exception {
        Person person = people.create();
        Person stranger = people.create();
        Receiver wiki = app(person, "/wiki");
        Answer discovery = call("GET", "/.well-known/ssf-configuration", null, null);
        assertThat(discovery.body().path("issuer").asString()).isEqualTo("http://localhost:" + port);
        assertThat(discovery.body().path("configuration_endpoint").asString())
                .isEqualTo("http://localhost:" + port + "/ssf/streams");
        assertThat(discovery.body().path("delivery_methods_supported").get(0).asString())
                .isEqualTo("urn:ietf:rfc:8935");

        Answer created = call("POST", "/ssf/streams", wiki.accessToken(), JSON.writeValueAsString(Map.of(
                "delivery", Map.of("method", "urn:ietf:rfc:8935", "endpoint_url", receiverAt("/wiki/events"),
                        "authorization_header", "Bearer receiver-secret"),
                "events_requested", List.of(SESSION_REVOKED, CREDENTIAL_CHANGE, ACCOUNT_DISABLED, ACCOUNT_ENABLED,
                        "https://example.com/not-an-event"))));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        assertThat(created.body().path("aud").asString()).isEqualTo(wiki.app().app().clientId());
        assertThat(created.body().path("events_delivered").valueStream().map(JsonNode::asString))
                .containsExactly(SESSION_REVOKED, CREDENTIAL_CHANGE, ACCOUNT_DISABLED, ACCOUNT_ENABLED);
        assertThat(created.body().path("delivery").has("authorization_header")).isFalse();

        PortalClient browser = signedIn(person);
        browser.submit(browser.get("/password").page(), "form[action=/password]", Map.of("currentPassword",
                person.password(), "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
        List<Heard> change = heard(2);
        assertThat(change).extracting(Heard::event).containsExactlyInAnyOrder(CREDENTIAL_CHANGE, SESSION_REVOKED);
        assertThat(change).allSatisfy(event -> {
            assertThat(event.subject()).isEqualTo(person.id().toString());
            assertThat(event.path()).isEqualTo("/wiki/events");
            assertThat(event.claims().getAudience()).containsExactly(wiki.app().app().clientId());
        });
        Map<String, Object> credentialChange = change.stream().filter(heard -> heard.event().equals(CREDENTIAL_CHANGE))
                .findFirst().orElseThrow().claims().getJSONObjectClaim("events");
        assertThat((Map<String, Object>) credentialChange.get(CREDENTIAL_CHANGE))
                .containsEntry("credential_type", "password").containsEntry("change_type", "update")
                .containsEntry("initiating_entity", "user").containsKey("event_timestamp");

        Person renewed = new Person(person.id(), person.upn(), NEW_PASSWORD, person.displayName());
        PortalClient again = signedIn(renewed);
        signedIn(renewed);
        again.submit(again.get("/devices").page(), "form[action$=/sign-out-others]", Map.of());
        assertThat(heard(1)).extracting(Heard::event).containsExactly(SESSION_REVOKED);

        Actor admin = Actor.commandLine(people.organisationOf(person));
        changes.disable(admin, account(person), RequestOrigin.COMMAND_LINE);
        assertThat(heard(2)).extracting(Heard::event).containsExactlyInAnyOrder(ACCOUNT_DISABLED, SESSION_REVOKED);
        everyone.enable(admin, account(person), RequestOrigin.COMMAND_LINE);
        assertThat(heard(1)).extracting(Heard::event, Heard::subject)
                .containsExactly(tuple(ACCOUNT_ENABLED, person.id().toString()));

        String scim = provisioning.createToken(admin, "Entra", RequestOrigin.COMMAND_LINE).issued().token();
        HttpResponse<String> patched = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/scim/v2/Users/" + person.id())).header("Authorization", "Bearer " + scim)
                .header("Content-Type", "application/scim+json").method("PATCH", HttpRequest.BodyPublishers.ofString("""
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations": [{"op": "replace", "path": "active", "value": false}]}""")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(heard(2)).extracting(Heard::event).containsExactlyInAnyOrder(ACCOUNT_DISABLED, SESSION_REVOKED);

        changes.disable(Actor.commandLine(people.organisationOf(stranger)), account(stranger),
                RequestOrigin.COMMAND_LINE);
        assertThat(pushed.poll(3, TimeUnit.SECONDS)).as("nothing of another organisation's person").isNull();
    }

    @Test
    void aReceiverThatIsDownHearsLaterWhileTheEventWaitsInTheDatabase() throws Exception {
        Person person = people.create();
        Receiver wiki = app(person, "/wiki");
        String stream = stream(wiki, "/wiki/events", ACCOUNT_DISABLED);
        downFor.set(2);

        changes.disable(Actor.commandLine(people.organisationOf(person)), account(person), RequestOrigin.COMMAND_LINE);

        List<Heard> heard = heard(1);
        assertThat(heard).extracting(Heard::event).containsExactly(ACCOUNT_DISABLED);
        assertThat(downFor.get()).as("two pushes met the receiver down before this one").isNegative();
        assertThat(pushed.poll(2, TimeUnit.SECONDS)).as("acknowledged, so pushed once").isNull();
        assertThat(jdbc.sql("select count(*) from signal_delivery where stream_id = ?").param(stream)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aPersonRevokingAnAppOrTheAppRevokingTheirTokenTellsThatAppsStreamAlone() throws Exception {
        Person person = people.create();
        Receiver wiki = app(person, "/wiki");
        Receiver tickets = app(person, "/tickets");
        stream(wiki, "/wiki/events", SESSION_REVOKED);
        stream(tickets, "/tickets/events", SESSION_REVOKED);
        PortalClient browser = signedIn(person);
        AppClient.Authorization asked = wiki.client().authorization("");
        String code = AppClient.answerIn(browser.get(asked.path()).location().orElseThrow()).get("code");
        String refreshToken = wiki.client().exchange(code, asked.verifier()).text("refresh_token");

        assertThat(wiki.client().post("/oauth2/revoke", Map.of("token", refreshToken)).status()).isEqualTo(200);
        assertThat(heard(1)).extracting(Heard::path, Heard::event, Heard::subject).containsExactly(
                tuple("/wiki/events", SESSION_REVOKED, person.id().toString()));

        asked = tickets.client().authorization("");
        code = AppClient.answerIn(browser.get(asked.path()).location().orElseThrow()).get("code");
        tickets.client().exchange(code, asked.verifier());
        assertThat(grants.revoke(person.id(), tickets.app().app().clientId())).isTrue();
        assertThat(heard(1)).extracting(Heard::path).containsExactly("/tickets/events");
        assertThat(pushed.poll(2, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void theStreamApiAnswersOnlyTheAppItselfAndRefusesEveryBadRequestWithItsStatus() throws Exception {
        Person person = people.create();
        Receiver wiki = app(person, "/wiki");
        Receiver tickets = app(person, "/tickets");
        String good = JSON.writeValueAsString(Map.of("delivery", Map.of("method", "urn:ietf:rfc:8935",
                "endpoint_url", receiverAt("/wiki/events"), "authorization_header", "Bearer receiver-secret"),
                "events_requested", List.of(ACCOUNT_DISABLED, ACCOUNT_ENABLED)));

        assertThat(call("POST", "/ssf/streams", null, good).status()).isEqualTo(401);
        assertThat(call("POST", "/ssf/streams", "not-a-token", good).status()).isEqualTo(401);
        AppClient.Authorization asked = wiki.client().authorization("");
        String code = AppClient.answerIn(signedIn(person).get(asked.path()).location().orElseThrow()).get("code");
        String personsToken = wiki.client().exchange(code, asked.verifier()).text("access_token");
        assertThat(call("POST", "/ssf/streams", personsToken, good).status()).as("a person's token").isEqualTo(401);
        assertThat(call("POST", "/ssf/streams", wiki.accessToken(), "{not json").status()).isEqualTo(400);
        String large = "{\"description\": \"" + "x".repeat(20_000) + "\"}";
        assertThat(call("POST", "/ssf/streams", null, large).status()).as("no token, a large body").isEqualTo(401);
        assertThat(call("POST", "/ssf/streams", wiki.accessToken(), large).status()).isEqualTo(413);
        assertThat(call("POST", "/ssf/streams", wiki.accessToken(), JSON.writeValueAsString(Map.of("delivery",
                Map.of("method", "urn:ietf:rfc:8936")))).status()).as("poll").isEqualTo(400);
        assertThat(call("POST", "/ssf/streams", wiki.accessToken(), JSON.writeValueAsString(Map.of("delivery",
                Map.of("method", "urn:ietf:rfc:8935", "endpoint_url", "http://10.0.0.1/events")))).status())
                .as("another host").isEqualTo(400);
        assertThat(call("POST", "/ssf/streams", wiki.accessToken(), JSON.writeValueAsString(Map.of("delivery",
                Map.of("method", "urn:ietf:rfc:8935", "endpoint_url", receiverAt("/wiki/events")),
                "description", "x".repeat(501)))).status()).as("a long description").isEqualTo(400);

        List<Answer> created = AtOnce.send(10, i -> call("POST", "/ssf/streams", wiki.accessToken(), good));
        assertThat(created).extracting(Answer::status).as("ten creates at once").containsOnly(201, 409)
                .filteredOn(status -> status == 201).hasSize(1);
        String stream = created.stream().filter(answer -> answer.status() == 201).findFirst().orElseThrow().body()
                .path("stream_id").asString();
        assertThat(call("POST", "/ssf/streams", wiki.accessToken(), good).status()).isEqualTo(409);
        assertThat(call("GET", "/ssf/streams?stream_id=" + stream, tickets.accessToken(), null).status())
                .as("another app's stream").isEqualTo(404);
        assertThat(call("DELETE", "/ssf/streams?stream_id=" + stream, tickets.accessToken(), null).status())
                .isEqualTo(404);
        assertThat(call("GET", "/ssf/streams", wiki.accessToken(), null).body().get(0).path("stream_id").asString())
                .isEqualTo(stream);
        Answer changed = call("PATCH", "/ssf/streams", wiki.accessToken(), JSON.writeValueAsString(Map.of(
                "stream_id", stream, "events_requested", List.of(ACCOUNT_DISABLED))));
        assertThat(changed.body().path("events_delivered").valueStream().map(JsonNode::asString))
                .containsExactly(ACCOUNT_DISABLED);
        assertThat(changed.body().path("delivery").path("endpoint_url").asString()).isEqualTo(receiverAt("/wiki/events"));

        assertThat(call("POST", "/ssf/verify", wiki.accessToken(), JSON.writeValueAsString(Map.of("stream_id", stream,
                "state", "state-7"))).status()).isEqualTo(204);
        Heard verification = heard(1).get(0);
        assertThat(verification.event()).isEqualTo(VERIFICATION);
        assertThat(verification.subject()).isEqualTo(stream);
        assertThat((Map<String, Object>) verification.claims().getJSONObjectClaim("events").get(VERIFICATION))
                .containsEntry("state", "state-7");

        Actor admin = Actor.commandLine(people.organisationOf(person));
        assertThat(call("POST", "/ssf/status", wiki.accessToken(), JSON.writeValueAsString(Map.of("stream_id", stream,
                "status", "paused"))).body().path("status").asString()).isEqualTo("paused");
        changes.disable(admin, account(person), RequestOrigin.COMMAND_LINE);
        assertThat(pushed.poll(3, TimeUnit.SECONDS)).as("held while paused").isNull();
        call("POST", "/ssf/status", wiki.accessToken(), JSON.writeValueAsString(Map.of("stream_id", stream,
                "status", "enabled")));
        assertThat(heard(1)).extracting(Heard::event).containsExactly(ACCOUNT_DISABLED);
        assertThat(call("POST", "/ssf/status", wiki.accessToken(), JSON.writeValueAsString(Map.of("stream_id", stream,
                "status", "sleeping"))).status()).isEqualTo(400);

        assertThat(call("DELETE", "/ssf/streams?stream_id=" + stream, wiki.accessToken(), null).status())
                .isEqualTo(204);
        assertThat(call("GET", "/ssf/status?stream_id=" + stream, wiki.accessToken(), null).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where type like 'app.signal-stream-%' and detail like ?")
                .param("%" + wiki.app().app().clientId() + "%").query(Integer.class).single()).as("created, changed, paused, enabled, deleted").isEqualTo(5);
    }

    @Test
    void onTwoNodesAStreamMadeOnOneHearsOfChangesMadeOnEitherEachEventOnce() throws Exception {
        Person person = people.create();
        List<Person> colleagues = IntStream.range(0, 8)
                .mapToObj(i -> people.createBeside(person, "Colleague " + i)).toList();
        Receiver wiki = app(person, "/wiki");
        try (SecondNode second = SecondNode.beside(environment, "--myaccount.public-address=http://localhost:"
                + port)) {
            Answer created = call(second.port(), "POST", "/ssf/streams", wiki.accessToken(), JSON.writeValueAsString(
                    Map.of("delivery", Map.of("method", "urn:ietf:rfc:8935", "endpoint_url", receiverAt("/wiki/events"),
                            "authorization_header", "Bearer receiver-secret"),
                            "events_requested", List.of(CREDENTIAL_CHANGE, ACCOUNT_DISABLED))));
            assertThat(created.status()).as("%s", created.body()).isEqualTo(201);

            PortalClient onSecond = new PortalClient(second.port());
            onSecond.signIn(person.upn(), person.password());
            onSecond.submit(onSecond.get("/password").page(), "form[action=/password]", Map.of("currentPassword",
                    person.password(), "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
            Actor admin = Actor.commandLine(people.organisationOf(person));
            for (Person colleague : colleagues) {
                changes.disable(admin, account(colleague), RequestOrigin.COMMAND_LINE);
            }

            List<Heard> heard = heard(1 + colleagues.size());
            assertThat(heard).extracting(Heard::event, Heard::subject).containsExactlyInAnyOrderElementsOf(
                    Stream.concat(Stream.of(tuple(CREDENTIAL_CHANGE, person.id().toString())), colleagues.stream()
                            .map(colleague -> tuple(ACCOUNT_DISABLED, colleague.id().toString()))).toList());
            assertThat(pushed.poll(3, TimeUnit.SECONDS)).as("each event pushed once, by one node").isNull();
        }
    }

    @Test
    void anAppTakesAPersonOutOfItsStreamAndBackWithoutLearningWhichAccountsExist() throws Exception {
        Person person = people.create();
        Person colleague = people.createBeside(person, "Megan Bowen");
        Person stranger = people.create();
        Receiver wiki = app(person, "/wiki");
        String stream = stream(wiki, "/wiki/events", ACCOUNT_DISABLED, ACCOUNT_ENABLED);
        Actor admin = Actor.commandLine(people.organisationOf(person));
        String issuer = "http://localhost:" + port;
        assertThat(call("GET", "/.well-known/ssf-configuration", null, null).body().path("remove_subject_endpoint")
                .asString()).isEqualTo(issuer + "/ssf/subjects:remove");

        assertThat(subject(wiki, "remove", stream, Map.of("format", "iss_sub", "iss", issuer,
                "sub", person.id().toString())).status()).isEqualTo(200);
        assertThat(subject(wiki, "remove", stream, Map.of("format", "email", "email", colleague.upn())).status())
                .isEqualTo(200);
        changes.disable(admin, account(person), RequestOrigin.COMMAND_LINE);
        changes.disable(admin, account(colleague), RequestOrigin.COMMAND_LINE);
        assertThat(pushed.poll(3, TimeUnit.SECONDS)).as("nothing of the people taken out").isNull();

        assertThat(subject(wiki, "add", stream, Map.of("format", "email", "email", person.upn())).status())
                .isEqualTo(200);
        everyone.enable(admin, account(person), RequestOrigin.COMMAND_LINE);
        everyone.enable(admin, account(colleague), RequestOrigin.COMMAND_LINE);
        assertThat(heard(1)).extracting(Heard::event, Heard::subject)
                .containsExactly(tuple(ACCOUNT_ENABLED, person.id().toString()));
        assertThat(pushed.poll(2, TimeUnit.SECONDS)).as("the colleague is still out").isNull();

        for (Map<String, String> nobody : List.of(Map.of("format", "email", "email", stranger.upn()),
                Map.of("format", "email", "email", "nobody@" + person.domain()),
                Map.of("format", "iss_sub", "iss", issuer, "sub", "not-an-id"),
                Map.of("format", "iss_sub", "iss", "https://elsewhere.example", "sub", person.id().toString()))) {
            assertThat(subject(wiki, "remove", stream, nobody).status()).as("%s", nobody).isEqualTo(200);
        }
        assertThat(jdbc.sql("select count(*) from signal_stream_removed_subject where stream_id = ?").param(stream)
                .query(Integer.class).single()).as("the colleague alone").isEqualTo(1);
        assertThat(subject(wiki, "remove", stream, Map.of("format", "phone_number", "phone_number", "+31 6")).status())
                .isEqualTo(400);
        assertThat(subject(wiki, "remove", "another-stream", Map.of("format", "email", "email", person.upn()))
                .status()).isEqualTo(404);
        assertThat(call("POST", "/ssf/subjects:remove", null, "{}").status()).isEqualTo(401);
    }

    private Answer subject(Receiver app, String action, String stream, Map<String, String> subject)
            throws Exception {
        return call("POST", "/ssf/subjects:" + action, app.accessToken(), JSON.writeValueAsString(Map.of(
                "stream_id", stream, "subject", subject)));
    }

    /** Each verification is an event kept until delivered: twelve asked at once queue ten, and two hear 429. */
    @Test
    void aStreamIsVerifiedAtMostTenTimesAnHour() throws Exception {
        Person person = people.create();
        Receiver wiki = app(person, "/wiki");
        String stream = call("POST", "/ssf/streams", wiki.accessToken(), JSON.writeValueAsString(Map.of("delivery",
                Map.of("method", "urn:ietf:rfc:8935", "endpoint_url", receiverAt("/wiki/events"),
                        "authorization_header", "Bearer receiver-secret")))).body().path("stream_id").asString();
        String verify = JSON.writeValueAsString(Map.of("stream_id", stream));

        List<Answer> answers = AtOnce.send(12, i -> call("POST", "/ssf/verify", wiki.accessToken(), verify));

        assertThat(answers).extracting(Answer::status).containsOnly(204, 429).filteredOn(status -> status == 204)
                .hasSize(10);
        assertThat(heard(10)).extracting(Heard::event).containsOnly(VERIFICATION);
        assertThat(pushed.poll(2, TimeUnit.SECONDS)).as("no eleventh").isNull();
    }
}
