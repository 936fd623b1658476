package dev.myaccount.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.support.AppClient;
import dev.myaccount.support.AtOnce;
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

    @Autowired
    AppGrants grants;

    @Autowired
    MessageSource messages;

    private Apps.Created register(Person person, boolean publicClient) {
        return apps.create(Actor.commandLine(people.organisationOf(person)),
                new Apps.NewApp("Wiki", REDIRECT, publicClient, false, null),
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
        assertThat(SignedJWT.parse(tokens.text("id_token")).getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(SignedJWT.parse(tokens.text("access_token")).getHeader().getAlgorithm().getName())
                .isEqualTo("ES256");
        var accessToken = SignedJWT.parse(tokens.text("access_token")).getJWTClaimsSet();
        assertThat(accessToken.getSubject()).isEqualTo(person.id().toString());

        AppClient.Answer userInfo = app.getWithToken("/userinfo", tokens.text("access_token"));
        assertThat(userInfo.status()).as(userInfo.toString()).isEqualTo(200);
        assertThat(userInfo.text("sub")).isEqualTo(person.id().toString());
        assertThat(userInfo.text("email")).isEqualTo(person.upn());

        assertThat(app.exchange(answer.get("code"), asked.verifier()).text("error")).isEqualTo("invalid_grant");
    }

    /** The tokens of a person's sign-in to {@code app}, as the app has them after trading its code. */
    private AppClient.Answer signedInTo(AppClient app, Person person) {
        PortalClient browser = signedIn(person);
        AppClient.Authorization asked = app.authorization("");
        String code = AppClient.answerIn(browser.get(asked.path()).header("Location").orElseThrow()).get("code");
        return app.exchange(code, asked.verifier());
    }

    @Test
    void aRefreshTokenIsSpentOnceAndOneSpentTwiceEndsTheWholeGrant() {
        Person person = people.create();
        Apps.Created wiki = register(person, false);
        AppClient app = new AppClient(port, wiki.app().clientId(), wiki.secret(), REDIRECT);
        AppClient.Answer first = signedInTo(app, person);

        AppClient.Answer second = app.refresh(first.text("refresh_token"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("refresh_token")).isNotEqualTo(first.text("refresh_token"));
        assertThat(app.getWithToken("/userinfo", second.text("access_token")).status()).isEqualTo(200);

        AppClient.Answer stolen = app.refresh(first.text("refresh_token"));
        assertThat(stolen.text("error")).isEqualTo("invalid_grant");
        assertThat(app.refresh(second.text("refresh_token")).text("error")).isEqualTo("invalid_grant");
        assertThat(app.getWithToken("/userinfo", second.text("access_token")).status()).isEqualTo(401);
    }

    /**
     * Two holders of one refresh token who refresh at the same moment are the theft that rotation exists to catch:
     * one of them may get new tokens, and the grant then ends for both, as when they come one after the other.
     */
    @Test
    void refreshesSentAtOnceWithOneTokenRenewTheGrantOnceAndThenEndIt() throws Exception {
        Person person = people.create();
        Apps.Created wiki = register(person, false);
        AppClient app = new AppClient(port, wiki.app().clientId(), wiki.secret(), REDIRECT);
        String refreshToken = signedInTo(app, person).text("refresh_token");

        List<AppClient.Answer> answers = AtOnce.send(8, holder -> app.refresh(refreshToken));

        List<AppClient.Answer> renewed = answers.stream().filter(answer -> answer.status() == 200).toList();
        assertThat(renewed).as("%s", answers).hasSizeLessThanOrEqualTo(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 200)
                .allSatisfy(answer -> assertThat(answer.text("error")).isEqualTo("invalid_grant"));
        for (AppClient.Answer answer : renewed) {
            assertThat(app.refresh(answer.text("refresh_token")).text("error")).isEqualTo("invalid_grant");
            assertThat(app.getWithToken("/userinfo", answer.text("access_token")).status()).isEqualTo(401);
        }
    }

    @Test
    void aConfidentialAppGetsTokensOfItsOwnWithItsSecretAndNotWithout() throws Exception {
        Person admin = people.create();
        Apps.Created service = register(admin, false);
        AppClient app = new AppClient(port, service.app().clientId(), service.secret(), REDIRECT);

        AppClient.Answer granted = app.clientCredentials();
        assertThat(granted.status()).isEqualTo(200);
        var claims = SignedJWT.parse(granted.text("access_token")).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(service.app().clientId());
        assertThat(claims.getStringClaim("tid")).isEqualTo(people.organisationOf(admin).toString());

        AppClient guessing = new AppClient(port, service.app().clientId(), "not the secret", REDIRECT);
        assertThat(guessing.clientCredentials().status()).isEqualTo(401);
        assertThat(guessing.clientCredentials().text("error")).isEqualTo("invalid_client");

        Apps.Created spa = register(admin, true);
        AppClient publicApp = new AppClient(port, spa.app().clientId(), null, REDIRECT);
        assertThat(publicApp.token(Map.of("grant_type", "client_credentials", "client_id",
                spa.app().clientId())).status()).isIn(400, 401);
        assertThat(app.token(Map.of("grant_type", "password", "username", admin.upn(),
                "password", admin.password())).text("error")).isEqualTo("unsupported_grant_type");
    }

    @Test
    void everyBadAuthorizationRequestGetsTheErrorTheSpecificationNames() {
        Person person = people.create();
        Apps.Created wiki = register(person, false);
        AppClient app = new AppClient(port, wiki.app().clientId(), wiki.secret(), REDIRECT);
        PortalClient browser = signedIn(person);
        String asked = app.authorization("").path();

        PortalClient.Response unknownApp = browser.get(asked.replace(wiki.app().clientId(), "no-such-app"));
        assertThat(unknownApp.status()).isEqualTo(400);
        assertThat(unknownApp.header("Location")).isEmpty();
        assertThat(unknownApp.page().select("#reason").text()).isEqualTo(message("apps.refused.app"));
        PortalClient.Response unknownAppBeforeSignIn = new PortalClient(port)
                .get(asked.replace(wiki.app().clientId(), "no-such-app"));
        assertThat(unknownAppBeforeSignIn.status()).isEqualTo(400);
        assertThat(unknownAppBeforeSignIn.page().select("#reason").text()).isEqualTo(message("apps.refused.app"));

        PortalClient.Response otherAddress = browser.get(asked.replace("wiki.fabrikam.example", "evil.example"));
        assertThat(otherAddress.status()).isEqualTo(400);
        assertThat(otherAddress.header("Location")).isEmpty();
        assertThat(otherAddress.page().select("#reason").text()).isEqualTo(message("apps.refused.address"));

        String withoutPkce = asked.replaceAll("&code_challenge=[^&]*", "").replace("&code_challenge_method=S256", "");
        assertThat(AppClient.answerIn(browser.get(withoutPkce).header("Location").orElseThrow()))
                .containsEntry("error", "invalid_request").containsEntry("state", "state-1");

        PortalClient.Response implicit = browser.get(asked.replace("response_type=code", "response_type=token"));
        assertThat(implicit.status()).isEqualTo(400);
        assertThat(implicit.header("Location")).isEmpty();
        assertThat(implicit.page().select("#reason").text()).isEqualTo(message("apps.refused.request"));

        PortalClient.Response huge = browser.get(asked + "&filler=" + "x".repeat(1024 * 1024));
        assertThat(huge.status()).isBetween(400, 499);

        AppClient.Answer hugeToken = app.token(Map.of("grant_type", "authorization_code", "code",
                "x".repeat(1024 * 1024), "redirect_uri", REDIRECT, "code_verifier", "v"));
        assertThat(hugeToken.status()).isBetween(400, 499);
    }

    @Test
    void promptNoneWithoutASignInAnswersLoginRequiredInsteadOfAPage() {
        Person person = people.create();
        Apps.Created wiki = register(person, false);
        AppClient app = new AppClient(port, wiki.app().clientId(), wiki.secret(), REDIRECT);

        PortalClient.Response answer = new PortalClient(port).get(app.authorization("&prompt=none").path());
        assertThat(AppClient.answerIn(answer.header("Location").orElseThrow()))
                .containsEntry("error", "login_required").containsEntry("state", "state-1");

        PortalClient.Response signedIn = signedIn(person).get(app.authorization("&prompt=none").path());
        assertThat(AppClient.answerIn(signedIn.header("Location").orElseThrow())).containsKey("code");
    }

    @Test
    void anAppTurnedOffSignsNoOneInAndGetsNoTokens() {
        Person person = people.create();
        Apps.Created wiki = register(person, false);
        AppClient app = new AppClient(port, wiki.app().clientId(), wiki.secret(), REDIRECT);
        AppClient.Answer before = signedInTo(app, person);
        Actor admin = Actor.commandLine(people.organisationOf(person));

        assertThat(apps.setEnabled(admin, wiki.app().clientId(), false, RequestOrigin.COMMAND_LINE)).isTrue();

        assertThat(signedIn(person).get(app.authorization("").path()).status()).isEqualTo(400);
        assertThat(app.clientCredentials().status()).isEqualTo(401);
        assertThat(app.refresh(before.text("refresh_token")).status()).isEqualTo(401);
        assertThat(app.getWithToken("/userinfo", before.text("access_token")).status()).isEqualTo(401);

        assertThat(apps.setEnabled(admin, wiki.app().clientId(), true, RequestOrigin.COMMAND_LINE)).isTrue();
        assertThat(app.clientCredentials().status()).isEqualTo(200);
    }

    @Test
    void aPersonRevokesTheAccessOfAnAppThatIsTurnedOff() {
        Person person = people.create();
        Apps.Created wiki = apps.create(Actor.commandLine(people.organisationOf(person)),
                new Apps.NewApp("Wiki", REDIRECT, false, true, null), RequestOrigin.COMMAND_LINE);
        AppClient app = new AppClient(port, wiki.app().clientId(), wiki.secret(), REDIRECT);
        PortalClient browser = signedIn(person);
        String consentPage = browser.get(app.authorization("").path()).location().orElseThrow();
        PortalClient.Response allowed = browser.submit(browser.get(consentPage).page(), "form", Map.of());
        assertThat(AppClient.answerIn(allowed.location().orElseThrow())).containsKey("code");
        apps.setEnabled(Actor.commandLine(people.organisationOf(person)), wiki.app().clientId(), false,
                RequestOrigin.COMMAND_LINE);
        assertThat(grants.of(person.id())).extracting(AppGrants.Granted::clientId)
                .containsExactly(wiki.app().clientId());

        assertThat(grants.revoke(person.id(), wiki.app().clientId())).isTrue();

        assertThat(grants.of(person.id())).isEmpty();
    }

    @Test
    void aRotatedSecretReplacesTheOldOne() {
        Person person = people.create();
        Apps.Created wiki = register(person, false);
        Actor admin = Actor.commandLine(people.organisationOf(person));

        String fresh = apps.rotateSecret(admin, wiki.app().clientId(), RequestOrigin.COMMAND_LINE).orElseThrow();

        assertThat(new AppClient(port, wiki.app().clientId(), wiki.secret(), REDIRECT).clientCredentials().status())
                .isEqualTo(401);
        assertThat(new AppClient(port, wiki.app().clientId(), fresh, REDIRECT).clientCredentials().status())
                .isEqualTo(200);
        Actor stranger = Actor.commandLine(people.organisationOf(people.create()));
        assertThat(apps.rotateSecret(stranger, wiki.app().clientId(), RequestOrigin.COMMAND_LINE)).isEmpty();
        assertThat(apps.delete(stranger, wiki.app().clientId(), RequestOrigin.COMMAND_LINE)).isFalse();
    }

    private String message(String key) {
        return messages.getMessage(key, null, Locale.ENGLISH);
    }
}
