package dev.myaccount.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.NewAccount;
import dev.myaccount.people.Role;
import dev.myaccount.support.Browser;
import dev.myaccount.support.BrowserTest;

/** The operator opens Organisations from the admin side and adds one with its first admin, whose pass is shown once. */
@BrowserTest
@TestPropertySource(properties = "myaccount.operators=it.operator@operators-walk.example")
class OperatorInBrowserTest extends BrowserWalk {

    private static final String OPERATOR = "it.operator@operators-walk.example";
    private static final String PASSWORD = "the operator's own passphrase";

    @Autowired
    DirectoryService directory;

    @Autowired
    PasswordEncoder passwords;

    @ParameterizedTest
    @ValueSource(strings = {"en", "nl"})
    void theOperatorAddsAnOrganisation(String language) {
        if (directory.findByUpn(OPERATOR).isEmpty()) {
            directory.createAccount(new NewAccount(directory.createOrganisation("Operators", "operators-walk.example")
                    .id(), OPERATOR, "IT Operator", null, null, passwords.encode(PASSWORD), false, Role.ADMIN));
        }
        String domain = "fabrikam-" + language + "-" + System.nanoTime() + ".example";
        try (Browser browser = new Browser(port, language)) {
            browser.open("/signin");
            browser.signIn(OPERATOR, PASSWORD);
            browser.click("a.admin-link");
            browser.click("a[href='/admin/organisations']");
            assertThat(browser.text("h1")).isEqualTo(message("admin.organisations.title", language));
            browser.type("#name", "Fabrikam");
            browser.type("#domain", domain);
            browser.type("#upn", "it@" + domain);
            browser.type("#displayName", "Fabrikam IT");
            browser.click("form[action='/admin/organisations'] button[type=submit]");
            assertThat(browser.text("#secret code")).hasSize(19);
            assertThat(browser.text("tbody")).contains(domain);
            browser.assertAccessible();
            browser.screenshot(language + "-admin-13-organisations");
        }
    }
}
