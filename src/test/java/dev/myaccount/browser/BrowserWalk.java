package dev.myaccount.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import dev.myaccount.support.PortalTestCase;

/** What every walk through the portal in a browser needs: its port, people, and the expected texts. */
abstract class BrowserWalk extends PortalTestCase {

    @Autowired
    MessageSource messages;

    /** The text the page should show, from the bundle of the walk's language. */
    String message(String key, String language, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.forLanguageTag(language));
    }

    /** The code oathtool (a real authenticator) makes from {@code secret} at {@code when}. */
    static String oathtool(String secret, String when) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("oathtool", "--totp", "--base32", "--now=" + when, secret).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
    }
}
