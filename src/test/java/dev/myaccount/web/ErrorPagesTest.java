package dev.myaccount.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.RawHttp.Answer;
import dev.myaccount.support.RawHttp;

/**
 * Every error a person or a client can cause gets the portal's own localized page, with its status and
 * the usual security headers, and leaves one line in the log rather than a stack trace.
 */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesTest extends PortalTestCase {

    @Test
    void aTenMegabytePostGetsTheLocalizedTooLargePage(CapturedOutput log) {
        byte[] body = ("upn=a&password=" + "a".repeat(10_000_000)).getBytes(StandardCharsets.US_ASCII);
        Answer answer = RawHttp.send(port, "POST /signin?lang=nl HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded", body);

        assertPortalPage(answer, 413, "Te veel gegevens");
        assertNoStackTrace(log);
    }

    @Test
    void anEncodedSlashGetsTheBadRequestPage(CapturedOutput log) {
        assertPortalPage(RawHttp.get(port, "/a%2Fb", "Accept-Language: nl"), 400, "Dat verzoek werd niet begrepen");
        assertPortalPage(RawHttp.get(port, "/a%2Fb"), 400, "That request was not understood");
        assertNoStackTrace(log);
    }

    @Test
    void requestsTheFirewallRefusesGetThePortalsPageWithItsSecurityHeaders(CapturedOutput log) {
        for (String path : new String[] {"/a%25b", "/a;b=c", "//signin", "/a%00b"}) {
            Answer answer = RawHttp.get(port, path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertPortalPage(answer, 400, "That request was not understood");
        }
        for (String method : new String[] {"TRACE", "PROPFIND"}) {
            Answer answer = RawHttp.send(port, method + " / HTTP/1.1\r\nHost: localhost", new byte[0]);
            assertThat(answer.status()).as(method).isBetween(400, 405);
            assertThat(answer.header("Content-Security-Policy")).as(method).isPresent();
            assertThat(answer.header("X-Content-Type-Options")).as(method).contains("nosniff");
            assertThat(answer.body()).as(method).doesNotContain("Apache Tomcat", "Exception", "Whitelabel");
        }
        assertNoStackTrace(log);
    }

    @Test
    void headersTooLargeGetTheBadRequestPage(CapturedOutput log) {
        String title = "That request was not understood";
        assertPortalPage(RawHttp.get(port, "/signin", "X-Big: " + "a".repeat(9_000)), 400, title);
        assertPortalPage(RawHttp.get(port, "/signin", "Cookie: big=" + "a".repeat(9_000)), 400, title);
        assertNoStackTrace(log);
    }

    @Test
    void aSevenKilobyteCookieIsServedAsUsual() {
        assertThat(RawHttp.get(port, "/signin", "Cookie: big=" + "a".repeat(7_000)).status()).isEqualTo(200);
    }

    @Test
    void badUtf8InTheQueryGetsTheBadRequestPage(CapturedOutput log) {
        assertPortalPage(RawHttp.get(port, "/signin?upn=%FF%FE&lang=nl"), 400, "Dat verzoek werd niet begrepen");
        assertPortalPage(RawHttp.get(port, "/signin?lang=%FF"), 400, "That request was not understood");
        assertNoStackTrace(log);
    }

    @Test
    void aWrongMethodGetsTheMethodNotAllowedPage() {
        PortalClient browser = signedIn(people.create());
        PortalClient.Response answer = browser.get("/sign-ins/" + UUID.randomUUID() + "/not-me");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.page().select("h1").text()).isEqualTo("This action can't be done this way");
        assertThat(answer.header("Content-Security-Policy")).isPresent();
    }

    @Test
    void theErrorPathItselfIsNotFound() {
        assertPortalPage(RawHttp.get(port, "/error"), 404, "Page not found");
    }

    @Test
    void anUnreadableLanguageCookieIsIgnored(CapturedOutput log) {
        for (String cookie : new String[] {"<script>", "a%20b", "xx-YY", ""}) {
            Answer answer = RawHttp.get(port, "/signin", "Cookie: myaccount-language=" + cookie,
                    "Accept-Language: nl");
            assertThat(answer.status()).as(cookie).isEqualTo(200);
            assertThat(answer.page().select("html").attr("lang")).as(cookie).isEqualTo("nl");
        }
        assertNoStackTrace(log);
    }

    @Test
    void noRedirectTakesTheClientsHost() {
        var person = people.create();
        String evil = "Host: evil.example";
        Answer asked = RawHttp.get(port, "/password", evil);
        assertThat(asked.header("Location")).contains("/signin");
        assertThat(RawHttp.get(port, "/", evil).header("Location")).contains("/signin");
        String session = "Cookie: " + asked.cookie("SESSION");
        Answer signInPage = RawHttp.get(port, "/signin", evil, session);
        String form = "upn=" + URLEncoder.encode(person.upn(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(person.password(), StandardCharsets.UTF_8) + "&_csrf="
                + signInPage.page().selectFirst("input[name=_csrf]").attr("value");

        Answer signedIn = RawHttp.send(port, "POST /signin HTTP/1.1\r\n" + evil + "\r\n" + session
                + "\r\nContent-Type: application/x-www-form-urlencoded", form.getBytes(StandardCharsets.US_ASCII));

        assertThat(signedIn.header("Location")).contains("/password");
        String signedInSession = "Cookie: " + signedIn.cookie("SESSION");
        assertThat(RawHttp.get(port, "/account", evil, signedInSession).header("Location")).contains("/");
        assertThat(RawHttp.get(port, "/account", evil).header("Location")).contains("/signin");
    }

    @Test
    void theAccountAddressLeadsToTheOverview() {
        PortalClient browser = signedIn(people.create());
        assertThat(browser.get("/account").location()).contains("/");
        assertThat(browser.get("/account/").location()).contains("/");
        assertThat(new PortalClient(port).get("/account").location()).contains("/signin");
    }

    private static void assertPortalPage(Answer answer, int status, String title) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.page().select("h1").text()).isEqualTo(title);
        assertThat(answer.page().select("p.brand").text()).isIn("My Account", "Mijn account");
        assertThat(answer.header("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.header("Referrer-Policy")).contains("no-referrer");
        assertThat(answer.body()).doesNotContain("Apache Tomcat", "Exception", "Whitelabel");
    }

    private static void assertNoStackTrace(CapturedOutput log) {
        assertThat(log.getAll()).doesNotContain("\tat org.", " ERROR ");
    }
}
