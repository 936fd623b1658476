package dev.myaccount.securityinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.myaccount.support.AtOnce;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/**
 * Fifty methods added at once leave a person with the ten allowed, one of them the default; one authenticator
 * app confirmed ten times at once is added once.
 */
@PortalTest
class MethodLimitRaceTest extends PortalTestCase {

    @Autowired
    SignInMethods signInMethods;

    @Test
    void fiftyAddsAtOnceKeepTheLimitAndOneDefault() throws Exception {
        Person person = people.create();
        List<Optional<SignInMethods.Added>> adds = AtOnce.send(50,
                i -> signInMethods.add(person.id(), MethodKind.EMAIL, "pat" + i + "@example.net"));

        assertThat(adds.stream().filter(Optional::isPresent)).hasSize(SignInMethods.MOST_PER_PERSON);
        assertThat(jdbc.sql("select count(*) from sign_in_method where account_id = ?").param(person.id())
                .query(Integer.class).single()).isEqualTo(SignInMethods.MOST_PER_PERSON);
        assertThat(jdbc.sql("select count(*) from sign_in_method where account_id = ? and is_default")
                .param(person.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theSameAuthenticatorConfirmedTenTimesAtOnceIsAddedOnce() throws Exception {
        Person person = people.create();
        PortalClient browser = signedIn(person);
        Document setup = browser.get("/security-info/authenticator").page();
        String code = methods.code(setup.selectFirst("code.secret").text().replace(" ", ""));
        List<Response> confirmations = AtOnce.send(10,
                i -> browser.submit(setup, "form[action=/security-info/authenticator]", Map.of("code", code)));

        // One that read the session after another had finished finds a new secret, which the code is not of.
        assertThat(confirmations.stream().map(Response::location)
                .filter(location -> location.filter("/security-info?added=authenticator"::equals).isPresent()))
                .isNotEmpty();
        assertThat(jdbc.sql("select count(*) from sign_in_method where account_id = ?").param(person.id())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and type = 'sign-in-method.added'")
                .param(person.id()).query(Integer.class).single()).isEqualTo(1);
    }
}
