package dev.myaccount.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.myaccount.session.AccountSessions;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/** The Devices page: every signed-in browser of the person, and signing one or all others out. */
@PortalTest
class DevicesPageTest extends PortalTestCase {

    @Autowired
    private AccountSessions sessions;

    private static final String FIREFOX_ON_LINUX =
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private static final String CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @Test
    void listsEveryBrowserSignedInWithThisDeviceFirstAndNoSessionId() {
        Person person = people.create();
        PortalClient laptop = browser(person, FIREFOX_ON_LINUX);
        PortalClient desktop = browser(person, CHROME_ON_WINDOWS);

        Document page = desktop.get("/devices").page();

        assertThat(page.select(".device .sign-in-outcome").eachText()).containsExactly(
                "Chrome 131 on Windows 10 This device", "Firefox 133 on Linux");
        assertThat(page.select(".device dd").eachText()).contains("127.0.0.1");
        for (PortalClient browser : List.of(laptop, desktop)) {
            String cookie = browser.cookie("SESSION").orElseThrow().getValue();
            // The cookie is the session id in base64; the id itself is what the session table keys on.
            String id = new String(Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);
            assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?").param(id)
                    .query(Integer.class).single()).isEqualTo(1);
            assertThat(page.html()).doesNotContain(cookie).doesNotContain(id);
        }
    }

    @Test
    void signingOutAnotherBrowserEndsItsSessionAtOnce() {
        Person person = people.create();
        PortalClient laptop = browser(person, FIREFOX_ON_LINUX);
        PortalClient desktop = browser(person, CHROME_ON_WINDOWS);

        Response answer = desktop.submit(desktop.get("/devices").page(), "form[action$=/sign-out]", Map.of());

        assertThat(answer.location()).hasValue("/devices?signedout");
        assertThat(laptop.get("/").location()).contains("/signin");
        assertThat(desktop.get("/").status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where account_id = ? and type = 'device.signed-out'")
                .param(person.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void signOutEverywhereElseKeepsThisBrowser() {
        Person person = people.create();
        PortalClient first = browser(person, FIREFOX_ON_LINUX);
        PortalClient second = browser(person, FIREFOX_ON_LINUX);
        PortalClient here = browser(person, CHROME_ON_WINDOWS);

        here.submit(here.get("/devices").page(), "form[action$=/sign-out-others]", Map.of());

        assertThat(first.get("/").location()).contains("/signin");
        assertThat(second.get("/").location()).contains("/signin");
        assertThat(here.get("/devices").page().select(".device")).hasSize(1);
    }

    @Test
    void aHandleOfSomeoneElsesBrowserSignsNothingOut() {
        Person owner = people.create();
        PortalClient ownerLaptop = browser(owner, FIREFOX_ON_LINUX);
        PortalClient ownerDesktop = browser(owner, CHROME_ON_WINDOWS);
        String ownersHandle = ownerDesktop.get("/devices").page().selectFirst("form[action$=/sign-out]").attr("action");
        Person intruder = people.create();
        PortalClient intruding = browser(intruder, CHROME_ON_WINDOWS);

        Response refused = intruding.post(ownersHandle,
                Map.of("_csrf", PortalClient.csrfToken(intruding.get("/devices").page())));

        assertThat(refused.location()).hasValue("/devices?gone");
        assertThat(ownerLaptop.get("/").status()).isEqualTo(200);
    }

    @Test
    void theOverviewCountsTheDevicesSignedInAndNotOneHalfWayThrough() {
        Person person = people.create();
        browser(person, FIREFOX_ON_LINUX);
        PortalClient here = browser(person, CHROME_ON_WINDOWS);
        browser(people.create(), FIREFOX_ON_LINUX);
        methods.addEmail(person.id(), "pat." + person.id() + "@example.net");
        assertThat(new PortalClient(port).signIn(person.upn(), person.password()).location())
                .hasValue("/signin/verify");

        assertThat(here.get("/").page().select("#tile-devices + p").text()).isEqualTo("2 devices signed in.");
    }

    @Test
    void anAccountSignedInOverTwentyTimesIsCountedUpToTwentyAndShownAsTwentyOrMore() {
        Person person = people.create();
        PortalClient here = browser(person, CHROME_ON_WINDOWS);
        String signedIn = jdbc.sql("select primary_id from spring_session where principal_name = ?")
                .param(person.upn()).query(String.class).single();
        for (int copy = 0; copy < AccountSessions.COUNTED_AT_MOST; copy++) {
            String primaryId = UUID.randomUUID().toString();
            jdbc.sql("""
                    insert into spring_session (primary_id, session_id, creation_time, last_access_time,
                                                max_inactive_interval, expiry_time, principal_name)
                    select ?, ?, creation_time, last_access_time, max_inactive_interval, expiry_time, principal_name
                    from spring_session where primary_id = ?""")
                    .params(primaryId, UUID.randomUUID().toString(), signedIn).update();
            jdbc.sql("""
                    insert into spring_session_attributes (session_primary_id, attribute_name, attribute_bytes)
                    select ?, attribute_name, attribute_bytes from spring_session_attributes
                    where session_primary_id = ?""").params(primaryId, signedIn).update();
        }

        assertThat(sessions.count(person.upn())).isEqualTo(AccountSessions.COUNTED_AT_MOST);
        assertThat(here.get("/").page().select("#tile-devices + p").text())
                .isEqualTo("20 or more devices signed in.");
        PortalClient dutch = new PortalClient(port, "nl");
        dutch.signIn(person.upn(), person.password());
        assertThat(dutch.get("/").page().select("#tile-devices + p").text())
                .isEqualTo("20 of meer apparaten aangemeld.");
    }

    private PortalClient browser(Person person, String userAgent) {
        PortalClient browser = new PortalClient(port).withHeader("User-Agent", userAgent);
        assertThat(browser.signIn(person.upn(), person.password()).location()).hasValue("/");
        return browser;
    }
}
