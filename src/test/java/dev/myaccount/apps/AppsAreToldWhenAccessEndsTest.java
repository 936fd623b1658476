package dev.myaccount.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.support.AppClient;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/**
 * When a person's access ends (a new password, signing out everywhere else), their apps' grants end at once and each
 * app that registered a back-channel logout address is told with a logout token signed by the portal's keys. An
 * app that is down is told again when it is back.
 */
@PortalTest
@TestPropertySource(properties = {"myaccount.events.retry-after=PT0.3S", "myaccount.apps.signal-retry-after=PT0.5S"})
class AppsAreToldWhenAccessEndsTest extends PortalTestCase {

    private static final String REDIRECT = "https://wiki.fabrikam.example/signed-in";
    private static final String NEW_PASSWORD = "a lantern over the harbour";

    @Autowired
    Apps apps;

    private HttpServer app;
    private final BlockingQueue<String> logoutTokens = new LinkedBlockingQueue<>();
    private final AtomicInteger downFor = new AtomicInteger();

    /** The app's back-channel logout endpoint: down ({@code 503}) for the first {@link #downFor} deliveries. */
    @BeforeEach
    void startApp() throws IOException {
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/backchannel", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
            boolean down = downFor.getAndDecrement() > 0;
            if (!down) {
                logoutTokens.add(URLDecoder.decode(body.replaceFirst("^logout_token=", ""), StandardCharsets.US_ASCII));
            }
            exchange.sendResponseHeaders(down ? 503 : 200, -1);
            exchange.close();
        });
        app.start();
    }

    @AfterEach
    void stopApp() {
        app.stop(0);
    }

    private Apps.Created register(Person person) {
        return apps.create(Actor.commandLine(people.organisationOf(person)), new Apps.NewApp("Wiki", REDIRECT, false,
                false, "http://127.0.0.1:" + app.getAddress().getPort() + "/backchannel"), RequestOrigin.COMMAND_LINE);
    }

    private AppClient.Answer signInTo(AppClient client, PortalClient browser) {
        AppClient.Authorization asked = client.authorization("");
        String code = AppClient.answerIn(browser.get(asked.path()).header("Location").orElseThrow()).get("code");
        return client.exchange(code, asked.verifier());
    }

    @Test
    void aNewPasswordEndsTheAppsGrantAtOnceAndTellsTheAppEvenWhenItWasDown() throws Exception {
        Person person = people.create();
        Apps.Created wiki = register(person);
        AppClient client = new AppClient(port, wiki.app().clientId(), wiki.secret(), REDIRECT);
        PortalClient browser = signedIn(person);
        AppClient.Answer tokens = signInTo(client, browser);
        String sid = SignedJWT.parse(tokens.text("id_token")).getJWTClaimsSet().getStringClaim("sid");
        downFor.set(1);

        browser.submit(browser.get("/password").page(), "form[action=/password]", Map.of("currentPassword",
                person.password(), "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

        assertThat(client.refresh(tokens.text("refresh_token")).text("error")).isEqualTo("invalid_grant");
        assertThat(client.getWithToken("/userinfo", tokens.text("access_token")).status()).isEqualTo(401);
        String logoutToken = logoutTokens.poll(15, TimeUnit.SECONDS);
        assertThat(logoutToken).as("the logout token, told again after the app was down").isNotNull();
        assertThat(downFor.get()).as("the first delivery met the app down").isNegative();

        SignedJWT token = SignedJWT.parse(logoutToken);
        assertThat(token.getHeader().getType()).isEqualTo(new JOSEObjectType("logout+jwt"));
        JWKSet keys = JWKSet.load(URI.create("http://localhost:" + port + "/oauth2/jwks").toURL());
        assertThat(token.verify(new RSASSAVerifier(keys.getKeyByKeyId(token.getHeader().getKeyID()).toRSAKey())))
                .isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:" + port);
        assertThat(claims.getAudience()).containsExactly(wiki.app().clientId());
        assertThat(claims.getSubject()).isEqualTo(person.id().toString());
        assertThat(claims.getStringClaim("sid")).isEqualTo(sid);
        assertThat(claims.getJSONObjectClaim("events")).containsOnlyKeys(
                "http://schemas.openid.net/event/backchannel-logout");
        assertThat(claims.getClaim("nonce")).isNull();
        assertThat(claims.getExpirationTime().toInstant())
                .isBefore(claims.getIssueTime().toInstant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void signingOutEverywhereElseEndsTheAppsGrantsToo() throws Exception {
        Person person = people.create();
        Apps.Created wiki = register(person);
        AppClient client = new AppClient(port, wiki.app().clientId(), wiki.secret(), REDIRECT);
        PortalClient browser = signedIn(person);
        AppClient.Answer tokens = signInTo(client, browser);
        signedIn(person);

        browser.submit(browser.get("/devices").page(), "form[action$=/sign-out-others]", Map.of());

        assertThat(client.refresh(tokens.text("refresh_token")).text("error")).isEqualTo("invalid_grant");
        assertThat(logoutTokens.poll(15, TimeUnit.SECONDS)).isNotNull();
        assertThat(List.copyOf(logoutTokens)).isEmpty();
    }
}
