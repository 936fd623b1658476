package dev.myaccount.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

@PortalTest
class SecurityBaselineTest extends PortalTestCase {

    /** Every page a visitor opens without signing in. */
    private static final List<String> PUBLIC_PAGES = List.of("/signin", "/reset", "/access-pass");

    /** Every page of My Account and of the admin side. */
    private static final List<String> SIGNED_IN_PAGES = List.of("/", "/security-info", "/password", "/devices",
            "/organizations", "/settings", "/sign-ins", "/admin/people", "/admin/people/new",
            "/admin/people/bulk", "/admin/people/{colleague}", "/admin/password-protection",
            "/admin/sign-in-and-reset", "/admin/provisioning", "/admin/audit");

    @Test
    void pagesForbidFramingInlineScriptAndReferrers() {
        Response page = new PortalClient(port).get("/signin");

        String csp = page.header("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("frame-ancestors 'none'", "script-src 'self'", "default-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.header("X-Frame-Options")).contains("DENY");
        assertThat(page.header("Referrer-Policy")).contains("no-referrer");
        assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void noPageHasInlineScriptStyleOrHandlerAndEveryFormCarriesItsCsrfToken() {
        Person admin = people.createAdmin();
        Person colleague = people.createBeside(admin, "Lee Gu");
        PortalClient visitor = new PortalClient(port);
        for (String path : PUBLIC_PAGES) {
            assertThat(checked(visitor, path)).as(path).isEqualTo(200);
        }
        PortalClient browser = signedIn(admin);
        for (String path : SIGNED_IN_PAGES) {
            assertThat(checked(browser, path.replace("{colleague}", colleague.id().toString()))).as(path)
                    .isEqualTo(200);
        }
        assertThat(checked(browser, "/no-such-page")).isEqualTo(404);
    }

    /** The page's status, once it was seen to have no inline script, style or handler, and a token in every form. */
    private static int checked(PortalClient browser, String path) {
        Response answer = browser.get(path);
        Document page = answer.page();
        assertThat(page.select("script:not([src]), style, [style]")).as(path).isEmpty();
        assertThat(page.getAllElements().stream().flatMap(element -> element.attributes().asList().stream())
                .map(attribute -> attribute.getKey().toLowerCase(Locale.ROOT))
                .filter(name -> name.startsWith("on"))).as(path).isEmpty();
        assertThat(page.select("form[method=post]")).as(path)
                .allSatisfy(form -> assertThat(form.select("input[name=_csrf]")).hasSize(1));
        return answer.status();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        Person person = people.create();

        Response signedIn = new PortalClient(port).signIn(person.upn(), person.password());

        assertThat(signedIn.setCookie("SESSION")).get().asString().contains("HttpOnly", "SameSite=Lax");
    }

    @Test
    void openingThePortalOrItsSignInPageWritesNoSessionAndKeepsTheFormsTokenInAStrictCookie() {
        PortalClient visitor = new PortalClient(port);

        Response portal = visitor.get("/");
        Response page = visitor.get("/signin");

        assertThat(portal.setCookie("SESSION")).isEmpty();
        assertThat(page.setCookie("SESSION")).isEmpty();
        assertThat(page.setCookie(SessionOrCookieCsrfTokens.COOKIE)).get().asString()
                .contains("HttpOnly", "SameSite=Strict");
    }

    @Test
    void aSignInFormIsRefusedWithoutItsCookieOrWithAnotherBrowsersToken() {
        Person person = people.create();
        String token = PortalClient.csrfToken(new PortalClient(port).get("/signin").page());
        PortalClient other = new PortalClient(port);
        other.get("/signin");
        Map<String, String> form = Map.of("upn", person.upn(), "password", person.password(), "_csrf", token);

        Response withoutCookie = new PortalClient(port).post("/signin", form);
        Response withAnotherCookie = other.post("/signin", form);

        assertThat(withoutCookie.location()).contains("/signin?expired");
        assertThat(withAnotherCookie.location()).contains("/signin?expired");
        assertThat(other.get("/").location()).contains("/signin");
    }

    @Test
    void signingInEndsTheFormsCookieAndKeepsTheNextTokenInTheSession() {
        Person person = people.create();
        PortalClient browser = new PortalClient(port);

        Response signedIn = browser.signIn(person.upn(), person.password());

        assertThat(signedIn.setCookie(SessionOrCookieCsrfTokens.COOKIE)).get().asString()
                .startsWith(SessionOrCookieCsrfTokens.COOKIE + "=;").contains("Expires=Thu, 01 Jan 1970");
        Response overview = browser.get("/");
        assertThat(overview.setCookie(SessionOrCookieCsrfTokens.COOKIE)).isEmpty();
        assertThat(browser.submit(overview.page(), "form.signout", Map.of()).location()).contains("/signin?signedout");
    }

    @Test
    void aSignInWithoutCsrfTokenIsRefusedAndExplained() {
        Person person = people.create();
        PortalClient browser = new PortalClient(port);

        Response refused = browser.post("/signin", Map.of("upn", person.upn(), "password", person.password()));

        assertThat(refused.location()).contains("/signin?expired");
        assertThat(browser.get("/").location()).contains("/signin");
    }

    @Test
    void anExpiredFormOfAResetOrAFirstSignInBeginsThatJourneyAgain() {
        PortalClient browser = new PortalClient(port);

        assertThat(browser.post("/reset", Map.of("upn", "pat@fabrikam.example")).location())
                .hasValue("/reset?expired");
        assertThat(browser.post("/reset/verify", Map.of("code", "123456")).location()).hasValue("/reset?expired");
        assertThat(browser.post("/access-pass/password", Map.of()).location()).hasValue("/access-pass?expired");
        assertThat(browser.get("/access-pass?expired").page().select("[role=status]").text())
                .isEqualTo("That took too long or was finished already. Start again.");
    }

    @Test
    void myAccountPagesNeedASignIn() {
        PortalClient browser = new PortalClient(port);

        assertThat(browser.get("/").location()).contains("/signin");
        assertThat(browser.get("/password").location()).contains("/signin");
    }

    @Test
    void anUnknownPageGetsALocalizedPageNotAStackTrace() {
        Person person = people.create();
        PortalClient browser = new PortalClient(port, "nl");
        browser.signIn(person.upn(), person.password());

        Response missing = browser.get("/no-such-page");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.page().select("h1").text()).isEqualTo("Pagina niet gevonden");
        assertThat(missing.body()).doesNotContain("Exception", "Whitelabel");
    }
}
