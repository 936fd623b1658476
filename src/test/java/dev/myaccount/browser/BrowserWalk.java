package dev.myaccount.browser;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import dev.myaccount.support.TestPeople;

/** What every walk through the portal in a browser needs: its port, people, and the expected texts. */
abstract class BrowserWalk {

    @LocalServerPort
    int port;

    @Autowired
    TestPeople people;

    @Autowired
    MessageSource messages;

    /** The text the page should show, from the bundle of the walk's language. */
    String message(String key, String language) {
        return messages.getMessage(key, null, Locale.forLanguageTag(language));
    }
}
