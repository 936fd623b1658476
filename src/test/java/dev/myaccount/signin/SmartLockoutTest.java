package dev.myaccount.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import dev.myaccount.MyAccountApplication;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

@PortalTest
class SmartLockoutTest extends PortalTestCase {

    @Autowired
    Environment environment;

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
    void twentyParallelWrongPasswordsAreEachCountedOnce() throws Exception {
        Person person = people.create();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> attempts = IntStream.range(0, 20)
                    .mapToObj(i -> pool.submit(() -> signIn(person.upn(), "parallel guess " + i))).toList();
            for (Future<String> attempt : attempts) {
                attempt.get();
            }
        } finally {
            pool.shutdown();
        }
        int counted = jdbc.sql("select count(*) from sign_in_event where account_id = ? and outcome = 'WRONG_PASSWORD'")
                .param(person.id()).query(Integer.class).single();
        Lockouts row = jdbc.sql("select failed_count, lockouts from sign_in_lockout where upn = ? and familiar_device = false")
                .param(person.upn()).query((rs, n) -> new Lockouts(rs.getInt(1), rs.getInt(2))).single();

        // Every wrong password that was checked counted once: ten for each lockout plus the ones since.
        assertThat(row.lockouts() * 10 + row.failedCount()).isEqualTo(counted);
        assertThat(row.lockouts()).isGreaterThanOrEqualTo(1);
        assertThat(outcomes(person)).hasSize(20);
    }

    private record Lockouts(int failedCount, int lockouts) {
    }

    @Test
    void failuresFromElsewhereDoNotLockTheOwnerOutOfTheirFamiliarBrowser() {
        Person person = people.create();
        PortalClient laptop = new PortalClient(port);
        assertThat(laptop.signIn(person.upn(), person.password()).location()).contains("/");
        laptop.submit(laptop.get("/").page(), "form[action=/signout]", java.util.Map.of());

        for (int i = 0; i < 10; i++) {
            signIn(person.upn(), "attacker guess " + i);
        }
        assertThat(signIn(person.upn(), person.password())).isEqualTo("/signin?locked");

        assertThat(laptop.signIn(person.upn(), person.password()).location()).contains("/");
        assertThat(outcomes(person)).contains("LOCKED", "SUCCEEDED");
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
        // A second portal on the same database: another node, or this one started again.
        try (ConfigurableApplicationContext otherNode = new SpringApplicationBuilder(MyAccountApplication.class)
                .run("--server.port=0", "--management.server.port=0", "--spring.main.banner-mode=off",
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                        "--myaccount.signin.attempts-per-address=100000")) {
            int otherPort = Integer.parseInt(otherNode.getEnvironment().getProperty("local.server.port"));
            assertThat(new PortalClient(otherPort).signIn(person.upn(), person.password()).location())
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
