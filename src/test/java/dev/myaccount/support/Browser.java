package dev.myaccount.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.util.FileSystemUtils;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Debian's headless Chromium, driven by Debian's chromedriver, with the person's language as the
 * browser's own; saves a screenshot of each step under {@code target/screenshots} for a human to look at.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;
    private VirtualAuthenticator authenticator;

    public Browser(int port, String language) {
        try {
            this.profile = Files.createTempDirectory("chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("myaccount.test.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--lang=" + language,
                    "--user-data-dir=" + profile.toAbsolutePath());
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            this.driver = new ChromeDriver(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
        this.base = "http://localhost:" + port;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    /** Opens an address of another server than the portal (an app that signs in through it). */
    public void openUrl(String url) {
        driver.get(url);
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String path() {
        return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public String text(String css) {
        return find(css).getText();
    }

    public void type(String css, String text) {
        steadily(() -> {
            WebElement field = find(css);
            field.clear();
            field.sendKeys(text);
            return true;
        });
    }

    /**
     * Clicks a link or button that loads a page, and waits until the new page has replaced the old one. As a
     * person does, it first waits for the page to stop changing ({@code aria-busy}): a checklist that appears
     * under a field moves the button below it, and a click aimed at where it was lands beside it.
     */
    public void click(String css) {
        WebElement oldPage = steadily(() -> find("html"));
        waiting("the page to stop changing before clicking " + css).until(d -> !has("[aria-busy=true]"));
        steadily(() -> {
            find(css).click();
            return true;
        });
        waiting("a new page after clicking " + css).until(d -> isGone(oldPage));
        waiting("the page after clicking " + css + " to load")
                .until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /** Chooses {@code file} in a file field, as a person picks it in the file dialog. */
    public void attach(String css, Path file) {
        find(css).sendKeys(file.toAbsolutePath().toString());
    }

    /** Makes the window {@code width} pixels wide (375 is a phone's). */
    public void width(int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
    }

    /** Presses keys where the focus is, as a person without a mouse does. */
    public void keys(CharSequence... keys) {
        driver.switchTo().activeElement().sendKeys(keys);
    }

    /**
     * Presses Tab through the whole page from its top; returns the visible links, buttons and fields that never
     * took the focus on the way (out of the keyboard's reach).
     */
    @SuppressWarnings("unchecked")
    public List<String> unreachableByTab() {
        long controls = (Long) driver.executeScript("""
                window.controls = [...document.querySelectorAll(
                        'a[href], button, input:not([type=hidden]), select, textarea')]
                    .filter(e => e.offsetParent !== null && !e.disabled);
                window.reached = new Set();
                document.addEventListener('focusin', e => window.reached.add(e.target), true);
                if (document.activeElement) { document.activeElement.blur(); }
                return window.controls.length;""");
        // One keystroke message for all the presses: a round trip each would make the walk slow.
        keys(Keys.TAB.toString().repeat((int) controls + 3));
        return new ArrayList<>((List<String>) driver.executeScript("""
                return window.controls.filter(e => !window.reached.has(e))
                    .map(e => e.outerHTML.substring(0, 120));"""));
    }

    /** Presses Tab until the focus is on {@code css}, as a person without a mouse moves to a control. */
    public void tabTo(String css) {
        for (int press = 0; press < 40; press++) {
            if ((Boolean) driver.executeScript("return document.activeElement.matches(arguments[0]);", css)) {
                return;
            }
            keys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + css);
    }

    /** The id of the element that has the focus. */
    public String focused() {
        return driver.switchTo().activeElement().getAttribute("id");
    }

    /** Waits for a page that a key press loads. */
    public void awaitPage(String path) {
        waiting("the page " + path).until(d -> path().equals(path));
    }

    /** Clicks a button whose script answers on the same page. */
    public void press(String css) {
        steadily(() -> {
            find(css).click();
            return true;
        });
    }

    /**
     * Whether a node of a page is gone: stale, or (as Chromium sometimes answers right after a load) "not in
     * the document".
     */
    private static boolean isGone(WebElement node) {
        try {
            node.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException answer) {
            if (String.valueOf(answer.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw answer;
        }
    }

    /**
     * Runs an action on the page, again when Chromium answers that a node it just found "does not belong to
     * the document" (it sometimes does right after a page load); the action did not happen then.
     */
    private <T> T steadily(Supplier<T> action) {
        return waiting("Chromium to take the action").ignoring(WebDriverException.class).until(d -> action.get());
    }

    /**
     * From now on the answers to the page script's requests (fetch) wait to be let through one by one, as on a
     * slow network; see {@link #awaitScriptRequest()} and {@link #releaseScriptAnswer()}.
     */
    public void holdScriptAnswers() {
        driver.executeScript("""
                var send = window.fetch;
                window.heldAnswers = [];
                window.fetch = function () {
                    var answer = send.apply(this, arguments);
                    return new Promise(function (resolve) {
                        window.heldAnswers.push(function () { resolve(answer); });
                    });
                };""");
    }

    /** Waits until the page's script has asked the server something whose answer is held. */
    public void awaitScriptRequest() {
        waiting("a request of the page's script").until(d -> (Long) driver.executeScript(
                "return window.heldAnswers.length;") > 0);
    }

    /** Lets the answer to the oldest held request through, once the server has given it. */
    public void releaseScriptAnswer() {
        awaitScriptRequest();
        driver.executeScript("window.heldAnswers.shift()();");
    }

    /** Waits for the page's own script to put {@code css} on the page. */
    public void waitFor(String css) {
        waiting(css).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** A wait of up to ten seconds that names, when it runs out, what it waited for. */
    private FluentWait<WebDriver> waiting(String what) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage("waiting for " + what);
    }

    public void signIn(String upn, String password) {
        type("#upn", upn);
        type("#password", password);
        click("form[action='/signin'] button[type=submit]");
    }

    /** Fills in the Password page's form, open now, and submits it. */
    public void changePassword(String current, String newPassword, String confirmation) {
        type("#currentPassword", current);
        type("#newPassword", newPassword);
        type("#confirmPassword", confirmation);
        click("form[action='/password'] button[type=submit]");
    }

    /** Gives the browser a platform authenticator (as a laptop's fingerprint reader) that holds passkeys. */
    public void addPasskeyAuthenticator() {
        authenticator = driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));
    }

    /**
     * Waits until the authenticator holds passkeys for exactly these user names, as it would show them to the
     * person (Chromium's DevTools protocol, as Selenium's view of a passkey has no user name).
     */
    public void waitForPasskeysHeldFor(String... userNames) {
        List<String> expected = Arrays.stream(userNames).sorted().toList();
        waiting("the authenticator to hold passkeys for " + expected).until(d -> passkeysHeld().equals(expected));
    }

    @SuppressWarnings("unchecked")
    private List<String> passkeysHeld() {
        Map<String, Object> answer = driver.executeCdpCommand("WebAuthn.getCredentials",
                Map.of("authenticatorId", authenticator.getId()));
        return ((List<Map<String, Object>>) answer.get("credentials")).stream()
                .map(credential -> String.valueOf(credential.get("userName"))).sorted().toList();
    }

    /** Scrolls the page until the first element that matches {@code css} is in view, for a screenshot of it. */
    /** Whether the page is wider than the window, so that a person must scroll sideways to see all of it. */
    public boolean scrollsSideways() {
        return (Boolean) driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    }

    public void scrollTo(String css) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", find(css));
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * axe-core's WCAG checks on the page as it is now; any violation fails the test with its rule and nodes.
     * The portal has no frames, so axe runs in the page itself (its frame mode opens a window per check, 0.5 s).
     */
    public void assertAccessible() {
        Results results = new AxeBuilder().setLegacyMode(true).disableIframeTesting().analyze(driver);
        String violations = results.getViolations().stream()
                .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(violations).as("accessibility of " + path()).isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
        try {
            FileSystemUtils.deleteRecursively(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
