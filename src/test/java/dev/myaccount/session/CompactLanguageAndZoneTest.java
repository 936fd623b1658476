package dev.myaccount.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/** A person's language and time zone, and a session's CSRF token, read back from their compact forms as written. */
class CompactLanguageAndZoneTest {

    private static Object roundTrip(CompactSessionValue form, Object value) throws IOException {
        var written = new ByteArrayOutputStream();
        form.write(value, new DataOutputStream(written));
        return form.read(new DataInputStream(new ByteArrayInputStream(written.toByteArray())));
    }

    @Test
    void languagesAndTimeZonesReadBackAsWritten() throws IOException {
        var form = new CompactLanguageAndZone();
        for (Object value : new Object[] {Locale.ENGLISH, Locale.forLanguageTag("nl"), ZoneId.of("Europe/Amsterdam"),
                ZoneOffset.ofHours(-3), ZoneId.of("UTC")}) {
            assertThat(form.writes(value)).isTrue();
            assertThat(roundTrip(form, value)).isEqualTo(value);
        }
    }

    @Test
    void aLocaleWhoseTagReadsBackAsAnotherIsLeftToJavaSerialization() {
        // A language that is no language tag: its tag is "und", which reads back as the empty locale.
        assertThat(new CompactLanguageAndZone().writes(new Locale("123"))).isFalse();
        assertThat(new CompactLanguageAndZone().writes(Locale.forLanguageTag("nl-BE"))).isTrue();
    }

    @Test
    void aSettingOfAKindThisPortalDoesNotKnowIsUnreadable() {
        byte[] unknownKind = {'X', 0, 0, 0, 2, 'n', 'l'};

        assertThatThrownBy(() -> new CompactLanguageAndZone().read(new DataInputStream(
                new ByteArrayInputStream(unknownKind)))).isInstanceOf(IOException.class);
    }

    @Test
    void aCsrfTokenReadsBackWithItsHeaderFieldAndValue() throws IOException {
        var token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "4f1c0e2a-7d6b-4a59-9a57-0b1f6f6f3e21");

        var read = (DefaultCsrfToken) roundTrip(new CompactCsrfToken(), token);

        assertThat(read.getHeaderName()).isEqualTo("X-CSRF-TOKEN");
        assertThat(read.getParameterName()).isEqualTo("_csrf");
        assertThat(read.getToken()).isEqualTo(token.getToken());
    }
}
