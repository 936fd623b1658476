package dev.myaccount.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/** None of a person's last five passwords can be chosen again; older ones are forgotten. */
@PortalTest
class PasswordReuseTest extends PortalTestCase {

    @Test
    void anEarlierPasswordIsRefusedAndOnlyTheLastFiveAreKept() {
        Person person = people.create();
        List<String> passwords = List.of(person.password(), "first walrus on the ice", "second heron in the reeds",
                "third badger under oaks", "fourth otter by the weir", "fifth lynx on the ridge",
                "sixth crane over the marsh");
        for (int i = 1; i < passwords.size(); i++) {
            assertThat(change(person.upn(), passwords.get(i - 1), passwords.get(i)).location())
                    .contains("/signin?changed");
        }
        String current = passwords.get(passwords.size() - 1);

        Response reused = change(person.upn(), current, "second heron in the reeds");

        assertThat(reused.page().select("#newPassword-errors li").eachText())
                .containsExactly("You used this password before. Choose one you haven't used.");
        assertThat(jdbc.sql("select count(*) from password_history where account_id = ?").param(person.id())
                .query(Integer.class).single()).isEqualTo(5);
        // The first password has dropped out of the last five, so it may come back.
        assertThat(change(person.upn(), current, person.password()).location()).contains("/signin?changed");
    }

    @Test
    void theOrganisationsBannedTermsApplyOnTheChangePage() {
        Person person = people.create();
        jdbc.sql("insert into organisation_banned_term (organisation_id, term) "
                + "select organisation_id, 'heron' from account where id = ?").param(person.id()).update();

        Response refused = change(person.upn(), person.password(), "H3ron#4");

        assertThat(refused.page().select("#newPassword-errors li").eachText())
                .contains("It is too close to a word your organisation has banned.");
    }

    private Response change(String upn, String current, String next) {
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(upn, current).location()).contains("/");
        return browser.submit(browser.get("/password").page(), "form[action=/password]",
                Map.of("currentPassword", current, "newPassword", next, "confirmPassword", next));
    }
}
