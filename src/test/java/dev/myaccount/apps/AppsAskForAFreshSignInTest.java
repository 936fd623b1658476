package dev.myaccount.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.support.AppClient;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/**
 * An app asks for a fresh sign-in ({@code prompt=login}, {@code max_age}) or a second step ({@code acr_values=mfa}):
 * a person signed in before confirms who they are on the portal's page and comes back to the app, whose ID token
 * says when and how; one who has just signed in for the request is not asked twice.
 */
@PortalTest
class AppsAskForAFreshSignInTest extends PortalTestCase {

    private static final String REDIRECT = "https://wiki.fabrikam.example/signed-in";

    @Autowired
    Apps apps;

    private AppClient app(Person person) {
        Apps.Created wiki = apps.create(Actor.commandLine(people.organisationOf(person)),
                new Apps.NewApp("Wiki", REDIRECT, false, false, null), RequestOrigin.COMMAND_LINE);
        return new AppClient(port, wiki.app().clientId(), wiki.secret(), REDIRECT);
    }

    private static JWTClaimsSet idToken(AppClient app, AppClient.Authorization asked, Response answer)
            throws Exception {
        String code = AppClient.answerIn(answer.header("Location").orElseThrow()).get("code");
        return SignedJWT.parse(app.exchange(code, asked.verifier()).text("id_token")).getJWTClaimsSet();
    }

    @Test
    void promptLoginHasASignedInPersonConfirmWhoTheyAreOnceForTheRequest() throws Exception {
        Person person = people.create();
        AppClient app = app(person);
        PortalClient browser = signedIn(person);
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        AppClient.Authorization asked = app.authorization("&prompt=login");
        assertThat(browser.get(asked.path()).location()).hasValue("/confirm");
        Response confirmed = browser.submit(browser.get("/confirm").page(), "form[action=/confirm]",
                Map.of("password", person.password()));
        assertThat(confirmed.location()).hasValue(asked.path());
        JWTClaimsSet claims = idToken(app, asked, browser.get(confirmed.location().orElseThrow()));
        assertThat(claims.getDateClaim("auth_time").toInstant()).isAfterOrEqualTo(before);
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");

        AppClient.Authorization plain = app.authorization("");
        assertThat(AppClient.answerIn(browser.get(plain.path()).header("Location").orElseThrow())).containsKey("code");
        assertThat(browser.get(app.authorization("&prompt=login").path()).location()).hasValue("/confirm");
    }

    @Test
    void maxAgeIsKeptAndZeroAsksForAFreshSignIn() {
        Person person = people.create();
        AppClient app = app(person);
        PortalClient browser = signedIn(person);

        assertThat(AppClient.answerIn(browser.get(app.authorization("&max_age=3600").path()).header("Location")
                .orElseThrow())).containsKey("code");
        AppClient.Authorization asked = app.authorization("&max_age=0");
        assertThat(browser.get(asked.path()).location()).hasValue("/confirm");
        Response confirmed = browser.submit(browser.get("/confirm").page(), "form[action=/confirm]",
                Map.of("password", person.password()));
        assertThat(AppClient.answerIn(browser.get(confirmed.location().orElseThrow()).header("Location")
                .orElseThrow())).containsKey("code");
    }

    @Test
    void aPersonWhoSignsInForThePromptLoginRequestIsNotAskedAgain() {
        Person person = people.create();
        AppClient app = app(person);
        PortalClient browser = new PortalClient(port);

        AppClient.Authorization asked = app.authorization("&prompt=login");
        assertThat(browser.get(asked.path()).location()).hasValue("/signin");
        assertThat(browser.signIn(person.upn(), person.password()).location()).hasValue(asked.path());
        assertThat(AppClient.answerIn(browser.get(asked.path()).header("Location").orElseThrow())).containsKey("code");
    }

    @Test
    void aSecondStepAskedForIsInTheTokenAndAPersonWithoutAMethodIsNotHeldUp() throws Exception {
        Person withApp = people.create();
        String secret = methods.addAuthenticator(withApp.id());
        AppClient app = app(withApp);
        PortalClient browser = new PortalClient(port);
        browser.signIn(withApp.upn(), withApp.password());
        browser.submit(browser.get("/signin/verify").page(), "form:has(input[name=code])",
                Map.of("code", methods.code(secret, 0)));
        AppClient.Authorization asked = app.authorization("&acr_values=mfa");
        assertThat(idToken(app, asked, browser.get(asked.path())).getStringListClaim("amr"))
                .containsExactly("pwd", "otp", "mfa");

        Person withoutMethod = people.createBeside(withApp, "Lee Gu");
        PortalClient other = signedIn(withoutMethod);
        AppClient.Authorization alsoAsked = app.authorization("&acr_values=mfa");
        assertThat(idToken(app, alsoAsked, other.get(alsoAsked.path())).getStringListClaim("amr"))
                .containsExactly("pwd");
    }
}
