package dev.myaccount.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.OrganisationProfile;
import dev.myaccount.securityinfo.MethodKind;
import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestClock;
import dev.myaccount.support.TestClockConfiguration;
import dev.myaccount.support.TestMail;
import dev.myaccount.support.TestPeople.Person;

/** "Forgot my password?": a code of the person's own method, then a new password; nothing for anyone else. */
@PortalTest
@Import(TestClockConfiguration.class)
class PasswordResetTest extends PortalTestCase {

    private static final String NEW_PASSWORD = "Seven quiet harbours at dusk";

    @Autowired
    TestClock clock;

    @Autowired
    ResetSettings resetSettings;

    @Autowired
    DirectoryService directory;

    @Test
    void aLockedOutPersonResetsWithAnEmailCodeAndIsUnlockedAndSignedOutEverywhere() {
        Person person = people.create();
        String address = "pat." + person.id() + "@example.net";
        methods.addEmail(person.id(), address);
        PortalClient elsewhere = new PortalClient(port);
        elsewhere.signIn(person.upn(), person.password());
        elsewhere.submit(elsewhere.get("/signin/verify").page(), "form[action=/signin/verify/send]", Map.of());
        elsewhere.submit(elsewhere.get("/signin/verify").page(), "form[action=/signin/verify/send]", Map.of());
        assertThat(elsewhere.post("/signin/verify", Map.of("_csrf",
                PortalClient.csrfToken(elsewhere.get("/signin/verify").page()), "code", TestMail.lastCode(address),
                "method", methodId(person))).location()).hasValue("/");
        for (int i = 0; i < 10; i++) {
            new PortalClient(port).signIn(person.upn(), "guess " + i);
        }
        assertThat(new PortalClient(port).signIn(person.upn(), person.password()).location())
                .hasValue("/signin?locked");

        PortalClient browser = new PortalClient(port);
        Document verify = begin(browser, person.upn());
        int mailBefore = TestMail.count(address);
        Document sent = browser.submit(browser.get("/reset/verify?kind=email").page(),
                "form[action=/reset/verify/send]", Map.of()).page();
        assertThat(sent.select("[role=status]").text())
                .isEqualTo("If the account exists and has a personal email address, we sent a code there.");
        Response code = browser.submit(sent, "form[action=/reset/verify]",
                Map.of("code", TestMail.newCode(address, mailBefore)));
        assertThat(code.location()).hasValue("/reset/password");
        int mailWithCode = TestMail.count(address);
        Response done = browser.submit(browser.get("/reset/password").page(), "form[action=/reset/password]",
                Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

        assertThat(verify.select("h1").text()).isEqualTo("Verify it's you");
        assertThat(done.location()).hasValue("/signin?reset");
        assertThat(elsewhere.get("/").location()).contains("/signin");
        assertThat(new PortalClient(port).signIn(person.upn(), person.password()).location()).hasValue("/signin?error");
        assertThat(new PortalClient(port).signIn(person.upn(), NEW_PASSWORD).location()).hasValue("/signin/verify");
        assertThat(TestMail.newSubject(address, mailWithCode)).isEqualTo("Your My Account password was reset");
        assertThat(count("select count(*) from audit_event where account_id = ? and type = 'password.reset'", person))
                .isEqualTo(1);
        assertThat(count("select count(*) from sign_in_event where account_id = ? and door = 'RESET'"
                + " and outcome = 'SUCCEEDED'", person)).isEqualTo(1);
    }

    @Test
    void anAuthenticatorCodeAlsoResetsThePassword() {
        Person person = people.create();
        String secret = methods.addAuthenticator(person.id());
        PortalClient browser = new PortalClient(port);
        begin(browser, person.upn());

        Response code = browser.submit(browser.get("/reset/verify?kind=authenticator").page(),
                "form[action=/reset/verify]", Map.of("code", methods.code(secret)));
        Response done = browser.submit(browser.get("/reset/password").page(), "form[action=/reset/password]",
                Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));

        assertThat(code.location()).hasValue("/reset/password");
        assertThat(done.location()).hasValue("/signin?reset");
    }

    @Test
    void anUnknownUpnADisabledOneOneWithoutTheMethodAndOneWithItWalkTheSameSteps() {
        Person withoutEmail = people.create();
        Person disabled = people.create();
        methods.addEmail(disabled.id(), "pat." + disabled.id() + "@example.net");
        directory.setEnabled(disabled.id(), false);
        Person withEmail = people.create();
        methods.addEmail(withEmail.id(), "pat." + withEmail.id() + "@example.net");
        String[] upns = {withEmail.upn(), withoutEmail.upn(), disabled.upn(),
            "nobody." + withoutEmail.id() + "@fabrikam.example"};
        String[][] seen = new String[upns.length][];
        for (int i = 0; i < upns.length; i++) {
            PortalClient browser = new PortalClient(port);
            Response begun = browser.submit(browser.get("/reset").page(), "form[action=/reset]",
                    Map.of("upn", upns[i]));
            Response chosen = browser.get("/reset/verify?kind=email");
            Response sent = browser.submit(chosen.page(), "form[action=/reset/verify/send]", Map.of());
            Response code = browser.submit(sent.page(), "form[action=/reset/verify]", Map.of("code", "000000"));
            seen[i] = new String[] {begun.status() + " " + begun.location().orElse(""), whole(chosen, upns[i]),
                whole(sent, upns[i]), whole(code, upns[i])};
        }
        for (int i = 1; i < upns.length; i++) {
            assertThat(seen[i]).as(upns[i]).containsExactly(seen[0]);
        }
        assertThat(seen[0][3]).contains("That code isn't right.");
    }

    /** The status and the whole main part of a page (forms, links, hidden fields), with the UPN and token masked. */
    private static String whole(Response answer, String upn) {
        Document page = answer.page();
        page.select("input[name=_csrf]").remove();
        return answer.status() + " " + page.select("main").outerHtml().replace(upn, "UPN");
    }

    @Test
    void aResetExpiresAfterFifteenMinutesAndCannotBeFinishedFromAnotherBrowser() {
        Person person = people.create();
        String secret = methods.addAuthenticator(person.id());
        PortalClient browser = new PortalClient(port);
        begin(browser, person.upn());
        Document verify = browser.get("/reset/verify?kind=authenticator").page();

        PortalClient other = new PortalClient(port);
        Document otherPage = other.get("/reset").page();
        assertThat(other.post("/reset/verify", Map.of("_csrf", PortalClient.csrfToken(otherPage),
                "kind", "authenticator", "code", methods.code(secret))).location()).hasValue("/reset?expired");

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        Response late = browser.submit(verify, "form[action=/reset/verify]", Map.of("code", methods.code(secret)));

        assertThat(late.location()).hasValue("/reset?expired");
        assertThat(browser.get("/reset/password").location()).hasValue("/reset?expired");
    }

    @Test
    void theNewPasswordMeetsTheWholePolicyAndAFinishedResetCannotBeUsedAgain() {
        Person person = people.create();
        String secret = methods.addAuthenticator(person.id());
        PortalClient browser = new PortalClient(port);
        begin(browser, person.upn());
        browser.submit(browser.get("/reset/verify?kind=authenticator").page(), "form[action=/reset/verify]",
                Map.of("code", methods.code(secret)));
        Document form = browser.get("/reset/password").page();

        Response refused = browser.submit(form, "form[action=/reset/password]",
                Map.of("newPassword", "password1", "confirmPassword", "password1"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.page().select("[role=alert] li")).isNotEmpty();
        Response done = browser.submit(form, "form[action=/reset/password]",
                Map.of("newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD));
        assertThat(done.location()).hasValue("/signin?reset");

        assertThat(browser.get("/reset/password").location()).hasValue("/reset?expired");
        assertThat(count("select count(*) from audit_event where account_id = ? and type = 'password.reset'", person))
                .isEqualTo(1);
    }

    @Test
    void theCurrentPasswordIsNoNewOneAndTheConfirmationIsComparedAsTheSamePasswordTypedElsewhere() {
        Person person = people.create();
        String secret = methods.addAuthenticator(person.id());
        String hashBefore = hashOf(person);
        PortalClient browser = new PortalClient(port);
        begin(browser, person.upn());
        browser.submit(browser.get("/reset/verify?kind=authenticator").page(), "form[action=/reset/verify]",
                Map.of("code", methods.code(secret)));
        Document form = browser.get("/reset/password").page();

        Response same = browser.submit(form, "form[action=/reset/password]",
                Map.of("newPassword", person.password(), "confirmPassword", person.password()));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.page().select("[role=alert] li").eachText())
                .containsExactly("Your new password must be different from your old password.");
        assertThat(hashOf(person)).isEqualTo(hashBefore);

        // A full-width S, as another keyboard types it: the same password once normalised (NFKC).
        String typedElsewhere = NEW_PASSWORD.replace("S", "\uFF33");
        assertThat(typedElsewhere).isNotEqualTo(NEW_PASSWORD);
        Response done = browser.submit(form, "form[action=/reset/password]",
                Map.of("newPassword", NEW_PASSWORD, "confirmPassword", typedElsewhere));
        assertThat(done.location()).hasValue("/signin?reset");
        // The new password is right: the second step (their authenticator) comes next.
        assertThat(new PortalClient(port).signIn(person.upn(), NEW_PASSWORD).location()).hasValue("/signin/verify");
    }

    @Test
    void strangersSendingResetCodesReachTheirLimitOverHttpAndLeaveThePersonTheirSignInCodes() throws Exception {
        Person person = people.create();
        String address = "pat." + person.id() + "@example.net";
        methods.addEmail(person.id(), address);
        for (int i = 0; i < 6; i++) {
            PortalClient stranger = new PortalClient(port);
            begin(stranger, person.upn());
            stranger.submit(stranger.get("/reset/verify?kind=email").page(), "form[action=/reset/verify/send]",
                    Map.of());
        }
        TestMail.newCode(address, 4);
        Thread.sleep(500);
        assertThat(TestMail.count(address)).as("reset codes sent").isEqualTo(5);

        PortalClient browser = new PortalClient(port);
        browser.signIn(person.upn(), person.password());
        Document step = browser.submit(browser.get("/signin/verify").page(), "form[action=/signin/verify/send]",
                Map.of()).page();
        assertThat(step.select("[role=alert]")).isEmpty();
        assertThat(browser.submit(step, "form:has(input[name=code])", Map.of("code", TestMail.newCode(address, 5)))
                .location()).hasValue("/");
    }

    private String hashOf(Person person) {
        return jdbc.sql("select password_hash from account where id = ?").param(person.id()).query(String.class)
                .single();
    }

    @Test
    void whereTheOrganisationAsksForTwoMethodsOneIsNotEnough() {
        Person person = people.create();
        String secret = methods.addAuthenticator(person.id());
        String address = "pat." + person.id() + "@example.net";
        methods.addEmail(person.id(), address);
        resetSettings.set(directory.find(person.id()).orElseThrow().organisationId(), true, 2,
                Set.of(MethodKind.EMAIL, MethodKind.AUTHENTICATOR));
        PortalClient browser = new PortalClient(port);
        begin(browser, person.upn());

        Response first = browser.submit(browser.get("/reset/verify?kind=authenticator").page(),
                "form[action=/reset/verify]", Map.of("code", methods.code(secret)));
        assertThat(first.location()).hasValue("/reset/verify?another");
        assertThat(browser.get("/reset/password").location()).hasValue("/reset?expired");
        Document another = browser.get("/reset/verify?another").page();
        assertThat(another.select(".reset-ways a").eachText()).containsExactly("Email a code to my personal address");
        Document sent = browser.submit(browser.get("/reset/verify?kind=email").page(),
                "form[action=/reset/verify/send]", Map.of()).page();
        Response second = browser.submit(sent, "form[action=/reset/verify]",
                Map.of("code", TestMail.newCode(address, 0)));

        assertThat(second.location()).hasValue("/reset/password");
    }

    @Test
    void whereResetIsOffEveryUpnOfTheDomainIsToldToContactTheAdministrator() {
        Person person = people.create();
        var organisation = directory.find(person.id()).orElseThrow().organisationId();
        resetSettings.set(organisation, false, 1, Set.of(MethodKind.EMAIL));
        directory.setProfile(organisation, new OrganisationProfile(null, "helpdesk@" + domainOf(person.upn())));

        for (String upn : new String[] {person.upn(), "nobody@" + domainOf(person.upn())}) {
            PortalClient browser = new PortalClient(port);
            Response refused = browser.submit(browser.get("/reset").page(), "form[action=/reset]",
                    Map.of("upn", upn));
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.page().select("[role=alert]").text()).startsWith("Your organisation doesn't let you");
            assertThat(refused.page().select("a[href^=mailto]").text()).isEqualTo("helpdesk@" + domainOf(upn));
        }
    }

    @Test
    void tenWrongCodesLockAnUnknownUpnAsTheyLockAKnownOne() {
        Person known = people.create();
        methods.addEmail(known.id(), "pat." + known.id() + "@example.net");
        String unknown = "nobody." + known.id() + "@" + domainOf(known.upn());
        for (String upn : new String[] {known.upn(), unknown}) {
            String answer = "";
            for (int round = 0; round < 2; round++) {
                PortalClient browser = new PortalClient(port);
                begin(browser, upn);
                Document sent = browser.submit(browser.get("/reset/verify?kind=email").page(),
                        "form[action=/reset/verify/send]", Map.of()).page();
                for (int i = 0; i < 5; i++) {
                    answer = browser.submit(sent, "form[action=/reset/verify]",
                            Map.of("code", String.format("%06d", round * 5 + i))).page().select("[role=alert]").text();
                }
            }
            assertThat(answer).as(upn).startsWith("Too many wrong attempts.");
        }
    }

    @Test
    void aUpnWithControlCharactersWalksTheStepsLikeAnyUnknownOne() {
        PortalClient browser = new PortalClient(port);
        begin(browser, "no\u0000body\u0007@fabrikam.example");
        Document sent = browser.submit(browser.get("/reset/verify?kind=email").page(),
                "form[action=/reset/verify/send]", Map.of()).page();

        Response code = browser.submit(sent, "form[action=/reset/verify]", Map.of("code", "123456"));

        assertThat(code.status()).isEqualTo(200);
        assertThat(code.page().select("[role=alert]").text()).startsWith("That code isn't right.");
    }

    private static String domainOf(String upn) {
        return upn.substring(upn.indexOf('@') + 1);
    }

    private static Document begin(PortalClient browser, String upn) {
        Response begun = browser.submit(browser.get("/reset").page(), "form[action=/reset]", Map.of("upn", upn));
        assertThat(begun.location()).hasValue("/reset/verify");
        return browser.get("/reset/verify").page();
    }

    private String methodId(Person person) {
        return jdbc.sql("select id from sign_in_method where account_id = ?").param(person.id()).query(String.class)
                .single();
    }

    private int count(String sql, Person person) {
        return jdbc.sql(sql).param(person.id()).query(Integer.class).single();
    }
}
