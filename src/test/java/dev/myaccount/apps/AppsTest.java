package dev.myaccount.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.support.AppClient;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/**
 * An app of the organisation signs its people in with the authorization code and PKCE, and gets the tokens the
 * specification promises; every bad request gets the error the specification names, never a 500.
 */
@PortalTest
class AppsTest extends PortalTestCase {

    private static final String REDIRECT = "https://wiki.fabrikam.example/signed-in";

    @Autowired
    Apps apps;

    private Apps.Created register(Person person, boolean publicClient) {
        return apps.create(Actor.commandLine(people.organisationOf(person)), "Wiki", REDIRECT, publicClient, false,
                RequestOrigin.COMMAND_LINE);
    }

    @Test
    void aSignedInPersonGetsACodeAndTheAppTokensThatNameTheirAccountAndOrganisation() throws Exception {
        Person person = people.create();
        Apps.Created wiki = register(person, false);
        AppClient app = new AppClient(port, wiki.app().clientId(), wiki.secret(), REDIRECT);
        PortalClient browser = signedIn(person);

        AppClient.Authorization asked = app.authorization("");
        PortalClient.Response back = browser.get(asked.path());
        assertThat(back.status()).isEqualTo(302);
        Map<String, String> answer = AppClient.answerIn(back.header("Location").orElseThrow());
        assertThat(answer).containsEntry("state", "state-1").containsKey("code");

        AppClient.Answer tokens = app.exchange(answer.get("code"), asked.verifier());
        assertThat(tokens.status()).isEqualTo(200);
        var idToken = SignedJWT.parse(tokens.text("id_token")).getJWTClaimsSet();
        assertThat(idToken.getSubject()).isEqualTo(person.id().toString());
        assertThat(idToken.getStringClaim("preferred_username")).isEqualTo(person.upn());
        assertThat(idToken.getStringClaim("tid")).isEqualTo(people.organisationOf(person).toString());
        assertThat(idToken.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(idToken.getStringClaim("nonce")).isEqualTo("nonce-1");
        assertThat(idToken.getClaim("auth_time")).isNotNull();
        assertThat(idToken.getStringClaim("sid")).isNotBlank();
        assertThat(idToken.getIssuer()).isEqualTo("http://localhost:" + port);
        var accessToken = SignedJWT.parse(tokens.text("access_token")).getJWTClaimsSet();
        assertThat(accessToken.getSubject()).isEqualTo(person.id().toString());

        AppClient.Answer userInfo = app.getWithToken("/userinfo", tokens.text("access_token"));
        assertThat(userInfo.status()).as(userInfo.toString()).isEqualTo(200);
        assertThat(userInfo.text("sub")).isEqualTo(person.id().toString());
        assertThat(userInfo.text("email")).isEqualTo(person.upn());

        assertThat(app.exchange(answer.get("code"), asked.verifier()).text("error")).isEqualTo("invalid_grant");
    }
}
