package dev.myaccount.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.myaccount.reset.ResetSettings;
import dev.myaccount.securityinfo.MethodKind;
import dev.myaccount.securityinfo.SignInSettings;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalClient.Response;
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

    @Test
    void anAdminRequiresASecondStepAndTwoMethodsForAReset() {
        Person admin = people.createAdmin();
        Person colleague = people.createBeside(admin, "Lee Gu");
        UUID organisation = people.organisationOf(admin);
        PortalClient browser = signedIn(admin);

        Response saved = browser.post(PAGE, Map.of("_csrf", PortalClient.csrfToken(browser.get(PAGE).page()),
                "secondFactorRequired", "true", "resetEnabled", "true", "methodsRequired", "2",
                "kinds", "EMAIL"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.page().select("[role=alert]").text()).startsWith("Choose at least as many kinds");
        assertThat(saved.page().select("input[name=kinds][checked]").eachAttr("value")).containsExactly("EMAIL");
        assertThat(signIn.secondFactorRequired(organisation)).isFalse();

        Response done = browser.post(PAGE, Map.of("_csrf", PortalClient.csrfToken(browser.get(PAGE).page()),
                "secondFactorRequired", "true", "resetEnabled", "true", "methodsRequired", "2",
                "kinds", "EMAIL,AUTHENTICATOR"));
        assertThat(done.location()).hasValue(PAGE + "?saved");

        assertThat(signIn.secondFactorRequired(organisation)).isTrue();
        assertThat(reset.of(organisation)).isEqualTo(new ResetSettings.Rules(true, 2,
                java.util.List.of(MethodKind.EMAIL, MethodKind.AUTHENTICATOR)));
        assertThat(signedIn(colleague).get("/").location()).hasValue("/security-info");
        assertThat(browser.get(PAGE).location()).as("the admin adds a method first, too").hasValue("/security-info");
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
