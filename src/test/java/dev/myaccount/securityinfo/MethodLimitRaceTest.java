package dev.myaccount.securityinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalClient.Response;
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
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Optional<SignInMethods.Added>>> adds = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String address = "pat" + i + "@example.net";
                adds.add(pool.submit(() -> {
                    start.await();
                    return signInMethods.add(person.id(), MethodKind.EMAIL, address);
                }));
            }
            start.countDown();
            int added = 0;
            for (Future<Optional<SignInMethods.Added>> add : adds) {
                added += add.get().isPresent() ? 1 : 0;
            }

            assertThat(added).isEqualTo(SignInMethods.MOST_PER_PERSON);
            assertThat(jdbc.sql("select count(*) from sign_in_method where account_id = ?").param(person.id())
                    .query(Integer.class).single()).isEqualTo(SignInMethods.MOST_PER_PERSON);
            assertThat(jdbc.sql("select count(*) from sign_in_method where account_id = ? and is_default")
                    .param(person.id()).query(Integer.class).single()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameAuthenticatorConfirmedTenTimesAtOnceIsAddedOnce() throws Exception {
        Person person = people.create();
        PortalClient browser = signedIn(person);
        Document setup = browser.get("/security-info/authenticator").page();
        String code = methods.code(setup.selectFirst("code.secret").text().replace(" ", ""));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> confirmations = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                confirmations.add(pool.submit(() -> {
                    start.await();
                    return browser.submit(setup, "form[action=/security-info/authenticator]", Map.of("code", code));
                }));
            }
            start.countDown();
            int added = 0;
            for (Future<Response> confirmation : confirmations) {
                // One that read the session after another had finished finds a new secret, which the code is not of.
                added += confirmation.get().location().filter("/security-info?added=authenticator"::equals).isPresent()
                        ? 1 : 0;
            }

            assertThat(added).isPositive();
            assertThat(jdbc.sql("select count(*) from sign_in_method where account_id = ?").param(person.id())
                    .query(Integer.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and type = 'sign-in-method.added'")
                    .param(person.id()).query(Integer.class).single()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
