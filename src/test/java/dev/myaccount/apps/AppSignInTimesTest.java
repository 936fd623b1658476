package dev.myaccount.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import com.nimbusds.jwt.SignedJWT;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.support.AppClient;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestClock;
import dev.myaccount.support.TestClockConfiguration;
import dev.myaccount.support.TestPeople.Person;

/** An app is told when the person signed in, whatever the instant. */
@PortalTest
@Import(TestClockConfiguration.class)
class AppSignInTimesTest extends PortalTestCase {

    private static final String REDIRECT = "https://wiki.fabrikam.example/signed-in";

    @Autowired
    Apps apps;

    @Autowired
    TestClock clock;

    /**
     * A sign-in kept with the grant as JSON is read back equal to the one the authorization server registered its
     * session for only when its instant has no digits beyond the millisecond. The server then looked for the time in
     * authorities the portal does not give, and answered the code's exchange with a 500 (one sign-in in a thousand;
     * it stopped a grant bench).
     */
    @Test
    void aPersonWhoSignedInOnAWholeSecondIsSignedInToTheApp() throws Exception {
        clock.advance(Duration.ofNanos(1_000_000_000L - clock.instant().getNano()));
        Instant signedInAt = clock.instant();
        Person person = people.create();
        Apps.Created wiki = apps.create(Actor.commandLine(people.organisationOf(person)),
                new Apps.NewApp("Wiki", REDIRECT, false, false, null), RequestOrigin.COMMAND_LINE);
        AppClient app = new AppClient(port, wiki.app().clientId(), wiki.secret(), REDIRECT);
        PortalClient browser = signedIn(person);

        AppClient.Authorization asked = app.authorization("");
        String code = AppClient.answerIn(browser.get(asked.path()).location().orElseThrow()).get("code");
        AppClient.Answer tokens = app.exchange(code, asked.verifier());

        assertThat(tokens.status()).isEqualTo(200);
        assertThat(SignedJWT.parse(tokens.text("id_token")).getJWTClaimsSet().getDateClaim("auth_time"))
                .isEqualTo(Date.from(signedInAt));
    }
}
