package dev.myaccount.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageBundlesTest {

    @Test
    void englishAndDutchHaveTheSameKeys() throws IOException {
        assertThat(load("messages_nl.properties").stringPropertyNames())
                .isEqualTo(load("messages.properties").stringPropertyNames());
    }

    @Test
    void noDutchMessageIsLeftEmpty() throws IOException {
        Properties dutch = load("messages_nl.properties");
        assertThat(dutch.stringPropertyNames()).allSatisfy(key -> assertThat(dutch.getProperty(key)).isNotBlank());
    }

    /** Every message goes through MessageFormat, where a lone apostrophe quotes and vanishes ("wasnt"). */
    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_nl.properties"})
    void everyApostropheOfTheSourceIsShown(String bundle) throws IOException {
        Properties messages = load(bundle);
        Object[] sampleArguments = {7, 8, 9, 10};
        assertThat(messages.stringPropertyNames()).allSatisfy(key -> {
            String source = messages.getProperty(key);
            String shown = new MessageFormat(source, Locale.ROOT).format(sampleArguments);
            assertThat(apostrophes(shown)).as("%s: %s", key, shown).isEqualTo(apostrophes(source.replace("''", "'")));
        });
    }

    private static long apostrophes(String text) {
        return text.chars().filter(c -> c == '\'').count();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
