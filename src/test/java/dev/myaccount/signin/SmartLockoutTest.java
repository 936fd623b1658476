package dev.myaccount.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import io.micrometer.core.instrument.MeterRegistry;

import dev.myaccount.support.AtOnce;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.SecondNode;
import dev.myaccount.support.TestPeople.Person;

@PortalTest
class SmartLockoutTest extends PortalTestCase {

    @Autowired
    Environment environment;

    @Autowired
    MeterRegistry meters;

    @Test
    void tenWrongPasswordsLockTheAccountAndTheRightOneIsThenRefusedToo() {
        Person person = people.create();
        for (int i = 0; i < 9; i++) {
            assertThat(signIn(person.upn(), "wrong guess " + i)).isEqualTo("/signin?error");
        }
        assertThat(signIn(person.upn(), "wrong guess 9")).isEqualTo("/signin?locked");
        assertThat(signIn(person.upn(), person.password())).isEqualTo("/signin?locked");
        assertThat(new PortalClient(port).get("/signin?locked").page().select("[role=alert]").text())
                .isEqualTo("Your account is temporarily locked to prevent unauthorized use. Try again later.");
        assertThat(outcomes(person)).containsOnly("WRONG_PASSWORD", "LOCKED").contains("LOCKED");
    }

    @Test
    void theSameWrongPasswordTypedAgainCountsOnce() {
        Person person = people.create();
        for (int i = 0; i < 15; i++) {
            signIn(person.upn(), "the same typo");
        }
        assertThat(failedCount(person, false)).isEqualTo(1);
        assertThat(signIn(person.upn(), person.password())).isEqualTo("/");
    }

    @Test
    void aBurstOfSixtyParallelGuessesGetsNoMoreThanTenCheckedAndTheRightOneIsThenRefused() throws Exception {
        Person person = people.create();
        double hashesBefore = hashes();
        List<String> answers = burst(IntStream.range(0, 60).mapToObj(i -> "parallel guess " + i).toList(),
                person.upn());

        // Each attempt took its place in the count before it was checked: ten wrong passwords were checked
        // (the tenth locked the account), and every other attempt was turned away unchecked.
        assertThat(outcomes(person)).hasSize(60);
        assertThat(outcomes(person).stream().filter("WRONG_PASSWORD"::equals)).hasSize(10);
        assertThat(outcomes(person).stream().filter("LOCKED"::equals)).hasSize(50);
        assertThat(hashes() - hashesBefore).isEqualTo(10);
        assertThat(answers.stream().filter("/signin?locked"::equals)).hasSize(51);
        assertThat(answers.stream().filter("/signin?error"::equals)).hasSize(9);
        assertThat(jdbc.sql("select lockouts from sign_in_lockout where upn = ? and familiar_device = false")
                .param(person.upn()).query(Integer.class).single()).isEqualTo(1);
        assertThat(signIn(person.upn(), person.password())).isEqualTo("/signin?locked");
    }

    @Test
    void rightAndWrongPasswordsAtOnceEachGetAnAnswerNeverAnError() throws Exception {
        Person person = people.create();
        List<String> answers = burst(IntStream.range(0, 80)
                .mapToObj(i -> i % 2 == 0 ? person.password() : "guess " + i).toList(), person.upn());

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isIn("/", "/signin?error", "/signin?locked"));
        assertThat(answers).contains("/");
    }

    /** Sends every password at once, each from a browser of its own, and returns the answers' locations. */
    private List<String> burst(List<String> passwords, String upn) throws Exception {
        List<PortalClient> browsers = passwords.stream().map(p -> new PortalClient(port)).toList();
        List<org.jsoup.nodes.Document> pages = browsers.stream().map(b -> b.get("/signin").page()).toList();
        return AtOnce.send(passwords.size(), i -> {
            PortalClient.Response answer = browsers.get(i).submit(pages.get(i), "form[action=/signin]",
                    Map.of("upn", upn, "password", passwords.get(i)));
            return answer.status() == 302 ? answer.location().orElseThrow() : "status " + answer.status();
        });
    }

    private double hashes() {
        return meters.get("myaccount.password.hashing").timer().count();
    }

    @Test
    void failuresFromElsewhereDoNotLockTheOwnerOutOfTheirFamiliarBrowser() {
        Person person = people.create();
        PortalClient laptop = new PortalClient(port);
        assertThat(laptop.signIn(person.upn(), person.password()).location()).contains("/");
        laptop.submit(laptop.get("/").page(), "form[action=/signout]", Map.of());

        for (int i = 0; i < 10; i++) {
            signIn(person.upn(), "attacker guess " + i);
        }
        assertThat(signIn(person.upn(), person.password())).isEqualTo("/signin?locked");

        assertThat(laptop.signIn(person.upn(), person.password()).location()).contains("/");
        assertThat(outcomes(person)).contains("LOCKED", "SUCCEEDED");
    }

    @Test
    void oneBrowserSigningInToAnAccountNewToItInManyTabsAtOnceGetsInEachTimeNeverAnError() throws Exception {
        Person first = people.create();
        Person second = people.create();
        PortalClient browser = new PortalClient(port);
        browser.signIn(first.upn(), first.password());
        String device = FamiliarDevices.COOKIE + "=" + browser.cookie(FamiliarDevices.COOKIE).orElseThrow().getValue();
        List<PortalClient> tabs = IntStream.range(0, 20)
                .mapToObj(i -> new PortalClient(port).withHeader("Cookie", device)).toList();
        List<org.jsoup.nodes.Document> pages = tabs.stream().map(tab -> tab.get("/signin").page()).toList();

        List<String> answers = AtOnce.send(tabs.size(), i -> {
            PortalClient.Response answer = tabs.get(i).submit(pages.get(i), "form[action=/signin]",
                    Map.of("upn", second.upn(), "password", second.password()));
            return answer.status() == 302 ? answer.location().orElseThrow() : "status " + answer.status();
        });

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo("/"));
    }

    @Test
    void anUnknownUpnIsLockedJustLikeAKnownOne() {
        String nobody = "nobody-" + System.nanoTime() + "@fabrikam.example";
        for (int i = 0; i < 9; i++) {
            assertThat(signIn(nobody, "guess " + i)).isEqualTo("/signin?error");
        }
        assertThat(signIn(nobody, "guess 9")).isEqualTo("/signin?locked");
        assertThat(signIn(nobody, "guess 10")).isEqualTo("/signin?locked");
    }

    @Test
    void aLockoutHoldsOnAnotherNodeAndAfterARestart() {
        Person person = people.create();
        for (int i = 0; i < 10; i++) {
            signIn(person.upn(), "wrong guess " + i);
        }
        try (SecondNode otherNode = SecondNode.beside(environment)) {
            assertThat(new PortalClient(otherNode.port()).signIn(person.upn(), "wrong guess 10").location())
                    .contains("/signin?locked");
            assertThat(new PortalClient(otherNode.port()).signIn(person.upn(), person.password()).location())
                    .contains("/signin?locked");
        }
    }

    private String signIn(String upn, String password) {
        return new PortalClient(port).signIn(upn, password).location().orElseThrow();
    }

    private int failedCount(Person person, boolean familiar) {
        return jdbc.sql("select failed_count from sign_in_lockout where upn = ? and familiar_device = ?")
                .params(person.upn(), familiar).query(Integer.class).single();
    }

    private List<String> outcomes(Person person) {
        return jdbc.sql("select outcome from sign_in_event where account_id = ?").param(person.id())
                .query(String.class).list();
    }
}
