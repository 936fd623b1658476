package dev.myaccount.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.myaccount.reset.ResetSettings;
import dev.myaccount.securityinfo.MethodKind;
import dev.myaccount.securityinfo.SignInSettings;
import dev.myaccount.signin.LockoutSettings;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/** The admin's Sign-in and reset page: a second step for everyone, and the organisation's reset rules. */
@PortalTest
class SignInAndResetAdminTest extends PortalTestCase {

    private static final String PAGE = "/admin/sign-in-and-reset";

    @Autowired
    SignInSettings signIn;

    @Autowired
    ResetSettings reset;

    @Autowired
    LockoutSettings lockout;

    @Test
    void anAdminRequiresASecondStepAndTwoMethodsForAReset() {
        Person admin = people.createAdmin();
        Person colleague = people.createBeside(admin, "Lee Gu");
        UUID organisation = people.organisationOf(admin);
        PortalClient browser = signedIn(admin);

        Response saved = browser.post(PAGE, Map.of("_csrf", PortalClient.csrfToken(browser.get(PAGE).page()),
                "secondFactorRequired", "true", "resetEnabled", "true", "methodsRequired", "2",
                "kinds", "EMAIL", "threshold", "10", "duration", "60"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.page().select("[role=alert]").text()).startsWith("Choose at least as many kinds");
        assertThat(saved.page().select("input[name=kinds][checked]").eachAttr("value")).containsExactly("EMAIL");
        assertThat(signIn.secondFactorRequired(organisation)).isFalse();

        Response done = browser.post(PAGE, Map.of("_csrf", PortalClient.csrfToken(browser.get(PAGE).page()),
                "secondFactorRequired", "true", "resetEnabled", "true", "methodsRequired", "2",
                "kinds", "EMAIL,AUTHENTICATOR", "threshold", "10", "duration", "60"));
        assertThat(done.location()).as("the admin has no method, so adds one first").hasValue(
                "/security-info?settingssaved");
        assertThat(browser.get(done.location().orElseThrow()).page().select("[role=status]").eachText())
                .containsExactly("Your organisation's sign-in settings were saved.",
                        "Your organisation requires a second sign-in method. Add one to continue.");

        assertThat(signIn.secondFactorRequired(organisation)).isTrue();
        assertThat(reset.of(organisation)).isEqualTo(new ResetSettings.Rules(true, 2,
                java.util.List.of(MethodKind.EMAIL, MethodKind.AUTHENTICATOR)));
        assertThat(signedIn(colleague).get("/").location()).hasValue("/security-info");
        assertThat(browser.get(PAGE).location()).as("the admin adds a method first, too").hasValue("/security-info");
    }

    @Test
    void anAdminWithAMethodWhoRequiresASecondStepStaysOnThePageWithItsConfirmationInDutch() {
        Person admin = people.createAdmin();
        PortalClient browser = new PortalClient(port, "nl");
        assertThat(browser.signIn(admin.upn(), admin.password()).location()).contains("/");
        methods.addEmail(admin.id(), "admin@example.net");

        Response done = browser.post(PAGE, Map.of("_csrf", PortalClient.csrfToken(browser.get(PAGE).page()),
                "secondFactorRequired", "true", "threshold", "10", "duration", "60"));

        assertThat(done.location()).hasValue(PAGE + "?saved");
        assertThat(browser.get(PAGE + "?saved").page().select("[role=status]").text())
                .isEqualTo("De instellingen zijn opgeslagen.");
        assertThat(signIn.secondFactorRequired(people.organisationOf(admin))).isTrue();
    }

    @Test
    void anOrganisationsOwnLockoutNumbersLockItsPeopleAndOnlyThem() {
        Person admin = people.createAdmin();
        Person colleague = people.createBeside(admin, "Lee Gu");
        Person stranger = people.create();
        PortalClient browser = signedIn(admin);

        for (String[] wrong : new String[][] {{"2", "60"}, {"51", "60"}, {"5", "4"}, {"5", "3601"}, {"five", "60"}}) {
            Response refused = browser.post(PAGE, Map.of("_csrf", PortalClient.csrfToken(browser.get(PAGE).page()),
                    "threshold", wrong[0], "duration", wrong[1]));
            assertThat(refused.page().select("[role=alert]").text()).as(String.join("/", wrong))
                    .isEqualTo("Give the lockout whole numbers: from 3 to 50 tries, and from 5 to 3,600 seconds.");
            assertThat(refused.page().select("#threshold").val()).isEqualTo(wrong[0]);
        }
        assertThat(lockout.of(people.organisationOf(admin))).isEqualTo(new LockoutSettings.Rules(10,
                Duration.ofSeconds(60)));

        assertThat(browser.post(PAGE, Map.of("_csrf", PortalClient.csrfToken(browser.get(PAGE).page()),
                "threshold", "3", "duration", "300")).location()).hasValue(PAGE + "?saved");
        assertThat(browser.get(PAGE).page().select("#threshold").val()).isEqualTo("3");

        for (Person person : List.of(colleague, stranger)) {
            for (int i = 0; i < 3; i++) {
                new PortalClient(port).signIn(person.upn(), "guess " + i);
            }
        }
        Response locked = new PortalClient(port).signIn(colleague.upn(), colleague.password());
        assertThat(locked.location()).hasValue("/signin?locked");
        assertThat(new PortalClient(port).signIn("nobody@" + colleague.domain(), "guess")
                .location()).hasValue("/signin?error");
        assertThat(new PortalClient(port).signIn(stranger.upn(), stranger.password()).location()).hasValue("/");
        // An unknown UPN of the organisation's domain is locked by the organisation's own numbers, as a known one.
        String ghost = "ghost." + System.nanoTime() + "@" + colleague.domain();
        for (int i = 0; i < 2; i++) {
            assertThat(new PortalClient(port).signIn(ghost, "guess " + i).location()).hasValue("/signin?error");
        }
        assertThat(new PortalClient(port).signIn(ghost, "guess 2").location()).hasValue("/signin?locked");
        String strangersGhost = "ghost." + System.nanoTime() + "@" + stranger.domain();
        for (int i = 0; i < 4; i++) {
            assertThat(new PortalClient(port).signIn(strangersGhost, "guess " + i).location())
                    .hasValue("/signin?error");
        }
    }

    @Test
    void aPersonWhoIsNoAdminGetsNotFound() {
        Person member = people.create();
        PortalClient browser = signedIn(member);

        assertThat(browser.get(PAGE).status()).isEqualTo(404);
        assertThat(browser.post(PAGE, Map.of("_csrf", PortalClient.csrfToken(browser.get("/").page()),
                "secondFactorRequired", "true")).status()).isEqualTo(404);
        assertThat(signIn.secondFactorRequired(people.organisationOf(member))).isFalse();
    }
}
