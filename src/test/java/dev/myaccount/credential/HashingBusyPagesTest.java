package dev.myaccount.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/** With the one hashing place taken and no room to wait, every page that needs a hash says it is busy. */
@PortalTest
@TestPropertySource(properties = {"myaccount.password-hashing.concurrency=1", "myaccount.password-hashing.queue=0"})
class HashingBusyPagesTest extends PortalTestCase {

    @Autowired
    HashingGate gate;

    @Test
    void signInAndChangePasswordAnswer503WithRetryAfterWhileHashingIsFull() throws Exception {
        Person person = people.create();
        PortalClient browser = new PortalClient(port, "nl");
        assertThat(browser.signIn(person.upn(), person.password()).location()).contains("/");
        var passwordPage = browser.get("/password").page();

        try (GateOccupant occupant = new GateOccupant(gate)) {
            Response change = browser.submit(passwordPage, "form[action=/password]", Map.of("currentPassword",
                    person.password(), "newPassword", "a brand new passphrase", "confirmPassword", "a brand new passphrase"));
            assertThat(change.status()).isEqualTo(503);
            assertThat(change.header("Retry-After")).contains("5");
            assertThat(change.page().select("h1").text()).isEqualTo("Het portaal is druk");

            Response signIn = new PortalClient(port).signIn(person.upn(), person.password());
            assertThat(signIn.status()).isEqualTo(503);
            assertThat(signIn.page().select("h1").text()).isEqualTo("The portal is busy");

            assertThat(occupant.release()).isTrue();
        }
        assertThat(new PortalClient(port).signIn(person.upn(), person.password()).location()).contains("/");
    }
}
