package dev.myaccount.browser;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import dev.myaccount.support.PortalTestCase;

/** What every walk through the portal in a browser needs: its port, people, and the expected texts. */
abstract class BrowserWalk extends PortalTestCase {

    @Autowired
    MessageSource messages;

    /** The text the page should show, from the bundle of the walk's language. */
    String message(String key, String language) {
        return messages.getMessage(key, null, Locale.forLanguageTag(language));
    }
}
