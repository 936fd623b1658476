package dev.myaccount.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.support.AppClient;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.SecondNode;
import dev.myaccount.support.TestPeople.Person;

/**
 * Two portal nodes on one database sign and check the same tokens: a code given on one is traded on the other, a
 * token signed on one is taken by the other's userinfo, a refresh goes to either, and both publish the same keys.
 * Its own database, so that the keys are made while both nodes run.
 */
@PortalTest
@TestPropertySource(properties = "myaccount.test.fresh-database=apps-two-nodes")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppsOnTwoNodesTest extends PortalTestCase {

    private static final String REDIRECT = "https://wiki.fabrikam.example/signed-in";

    @Autowired
    Environment environment;

    @Autowired
    Apps apps;

    private SecondNode second;

    @BeforeAll
    void startTheSecondNode() {
        second = SecondNode.beside(environment, "--myaccount.public-address=http://localhost:" + port);
    }

    @AfterAll
    void stopTheSecondNode() {
        second.close();
    }

    @Test
    void aCodeFromOneNodeIsTradedOnTheOtherAndTheTokensAreTakenByBoth() throws Exception {
        Person person = people.create();
        Apps.Created wiki = apps.create(Actor.commandLine(people.organisationOf(person)),
                new Apps.NewApp("Wiki", REDIRECT, false, false, null), RequestOrigin.COMMAND_LINE);
        AppClient onFirst = new AppClient(port, wiki.app().clientId(), wiki.secret(), REDIRECT);
        AppClient onSecond = new AppClient(second.port(), wiki.app().clientId(), wiki.secret(), REDIRECT);
        PortalClient browser = signedIn(person);

        AppClient.Authorization asked = onFirst.authorization("");
        String code = AppClient.answerIn(browser.get(asked.path()).header("Location").orElseThrow()).get("code");
        AppClient.Answer tokens = onSecond.exchange(code, asked.verifier());
        assertThat(tokens.status()).isEqualTo(200);

        assertThat(onFirst.getWithToken("/userinfo", tokens.text("access_token")).status()).isEqualTo(200);
        assertThat(onSecond.getWithToken("/userinfo", tokens.text("access_token")).status()).isEqualTo(200);
        JWKSet firstKeys = JWKSet.load(URI.create("http://localhost:" + port + "/oauth2/jwks").toURL());
        JWKSet secondKeys = JWKSet.load(URI.create("http://localhost:" + second.port() + "/oauth2/jwks").toURL());
        assertThat(secondKeys.toString()).isEqualTo(firstKeys.toString());
        String keyId = SignedJWT.parse(tokens.text("id_token")).getHeader().getKeyID();
        assertThat(firstKeys.getKeyByKeyId(keyId)).isNotNull();

        AppClient.Answer refreshed = onFirst.refresh(tokens.text("refresh_token"));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(onSecond.refresh(refreshed.text("refresh_token")).status()).isEqualTo(200);
        assertThat(onSecond.clientCredentials().status()).isEqualTo(200);
    }
}
