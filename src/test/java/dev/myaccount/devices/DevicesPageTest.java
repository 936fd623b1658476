package dev.myaccount.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/** The Devices page: every signed-in browser of the person, and signing one or all others out. */
@PortalTest
class DevicesPageTest extends PortalTestCase {

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
        assertThat(page.html()).doesNotContain(laptop.cookie("SESSION").orElseThrow().getValue())
                .doesNotContain(desktop.cookie("SESSION").orElseThrow().getValue());
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

    private PortalClient browser(Person person, String userAgent) {
        PortalClient browser = new PortalClient(port).withHeader("User-Agent", userAgent);
        assertThat(browser.signIn(person.upn(), person.password()).location()).hasValue("/");
        return browser;
    }
}
