package dev.myaccount.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.NoSuchMessageException;

class PortalMessagesTest {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final PortalMessages messages = new PortalMessages();

    @Test
    void aTextWithoutArgumentsShowsItsApostrophes() {
        assertThat(messages.getMessage("password.errors.summary", null, Locale.ENGLISH))
                .isEqualTo("Your password wasn't changed. Correct the fields below and submit again.");
        assertThat(messages.getMessage("overview.fromDirectory", new Object[0], Locale.ENGLISH))
                .startsWith("Your name, email and phone come from your organisation's directory.");
    }

    @Test
    void aTextWithArgumentsIsFormattedWithThemInEachLanguage() {
        assertThat(messages.getMessage("tile.devices.count", new Object[] {1}, Locale.ENGLISH))
                .isEqualTo("One device signed in.");
        assertThat(messages.getMessage("tile.devices.count", new Object[] {3}, Locale.ENGLISH))
                .isEqualTo("3 devices signed in.");
        assertThat(messages.getMessage("tile.devices.count", new Object[] {3}, DUTCH))
                .isEqualTo("3 apparaten aangemeld.");
    }

    /** Not the machine's own language: a portal on a Dutch server still answers a German browser in English. */
    @Test
    void aLanguageThePortalDoesNotSpeakGetsTheEnglishTextWhateverTheMachinesLanguage() {
        Locale machine = Locale.getDefault();
        Locale.setDefault(DUTCH);
        try {
            assertThat(messages.getMessage("password.errors.summary", null, Locale.GERMAN))
                    .isEqualTo("Your password wasn't changed. Correct the fields below and submit again.");
        } finally {
            Locale.setDefault(machine);
        }
    }

    @Test
    void anUnknownCodeIsRefused() {
        assertThatThrownBy(() -> messages.getMessage("no.such.text", null, Locale.ENGLISH))
                .isInstanceOf(NoSuchMessageException.class);
    }
}
