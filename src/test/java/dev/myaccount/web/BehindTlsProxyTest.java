package dev.myaccount.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.RawHttp.Answer;
import dev.myaccount.support.RawHttp;
import dev.myaccount.support.TestPeople.Person;

/**
 * Behind a TLS proxy, as docs/operations.md sets it up: every cookie is Secure, and the client address is taken
 * from X-Forwarded-For only when the proxy itself is trusted (here 127.0.0.1, not 127.0.0.2).
 */
@PortalTest
@TestPropertySource(properties = {"server.forward-headers-strategy=native",
        "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1"})
class BehindTlsProxyTest extends PortalTestCase {

    private static final String TLS = "X-Forwarded-Proto: https";

    @Test
    void everyCookieIsSecureBehindTls() {
        Person person = people.create();
        Answer signedIn = signIn("127.0.0.1", person.upn(), person.password(), TLS);

        assertThat(setCookie(signedIn, "SESSION")).contains("Secure", "HttpOnly", "SameSite=Lax");
        assertThat(setCookie(signedIn, "myaccount-device")).contains("Secure", "HttpOnly", "SameSite=Lax");
        assertThat(setCookie(RawHttp.get(port, "/signin", TLS), SessionOrCookieCsrfTokens.TLS_COOKIE))
                .contains("Secure", "HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Domain");
        assertThat(setCookie(RawHttp.get(port, "/signin?lang=nl", TLS), "myaccount-language")).contains("Secure");
        assertThat(setCookie(RawHttp.get(port, "/signin?lang=nl"), "myaccount-language")).doesNotContain("Secure");
    }

    @Test
    void forwardedForIsBelievedFromTheTrustedProxyOnly() {
        String viaProxy = "nobody-" + System.nanoTime() + "@fabrikam.example";
        String direct = "nobody-" + System.nanoTime() + "@fabrikam.example";

        signIn("127.0.0.1", viaProxy, "wrong", TLS, "X-Forwarded-For: 198.51.100.7");
        signIn("127.0.0.2", direct, "wrong", TLS, "X-Forwarded-For: 198.51.100.8");

        assertThat(clientAddress(viaProxy)).isEqualTo("198.51.100.7");
        assertThat(clientAddress(direct)).isEqualTo("127.0.0.2");
    }

    @Test
    void anIpv6AddressIsRecordedInItsShortForm() {
        String upn = "nobody-" + System.nanoTime() + "@fabrikam.example";

        signIn("127.0.0.1", upn, "wrong", TLS, "X-Forwarded-For: 2001:DB8:0:0:0:0:0:7");

        assertThat(clientAddress(upn)).isEqualTo("2001:db8::7");
    }

    @Test
    void aForwardedAddressThatIsNoAddressIsRecordedAsItCame() {
        String upn = "nobody-" + System.nanoTime() + "@fabrikam.example";

        Answer refused = signIn("127.0.0.1", upn, "wrong", TLS, "X-Forwarded-For: 1:2:3:4:5:6:7:8:9");

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location")).hasValue("/signin?error");
        assertThat(clientAddress(upn)).isEqualTo("1:2:3:4:5:6:7:8:9");
    }

    private Answer signIn(String from, String upn, String password, String... headers) {
        String extra = String.join("\r\n", headers);
        Answer page = RawHttp.sendFrom(from, port, "GET /signin HTTP/1.1\r\nHost: localhost\r\n" + extra, new byte[0]);
        String form = "upn=" + URLEncoder.encode(upn, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + page.page().selectFirst("input[name=_csrf]").attr("value");
        return RawHttp.sendFrom(from, port, "POST /signin HTTP/1.1\r\nHost: localhost\r\n" + extra + "\r\nCookie: "
                + formCookie(page) + "\r\nContent-Type: application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.US_ASCII));
    }

    /** The form's token cookie: with the {@code __Host-} prefix when the portal saw TLS, without it otherwise. */
    private static String formCookie(Answer page) {
        return page.head().contains("Set-Cookie: " + SessionOrCookieCsrfTokens.TLS_COOKIE + "=")
                ? page.cookie(SessionOrCookieCsrfTokens.TLS_COOKIE) : page.cookie(SessionOrCookieCsrfTokens.COOKIE);
    }

    private static String setCookie(Answer answer, String name) {
        return answer.head().lines().filter(line -> line.startsWith("Set-Cookie: " + name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("No cookie " + name + " in\n" + answer.head()));
    }

    private String clientAddress(String upn) {
        return jdbc.sql("select client_address from sign_in_event where upn_typed = ?").param(upn)
                .query(String.class).single();
    }
}
