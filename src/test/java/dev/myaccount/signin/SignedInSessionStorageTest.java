package dev.myaccount.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.SerializingConverter;

import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/**
 * A signed-in session keeps its security context, and every other value a sign-in and its pages keep, in a compact
 * form, which every later request reads back; a session stored by an earlier portal, in Java serialization's form,
 * still opens; one whose context cannot be read is signed out.
 */
@PortalTest
class SignedInSessionStorageTest extends PortalTestCase {

    private static final String CONTEXT = "SPRING_SECURITY_CONTEXT";

    private String sessionId(PortalClient browser) {
        String cookie = browser.cookie("SESSION").orElseThrow().getValue();
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);
    }

    private byte[] storedContext(String sessionId) {
        return jdbc.sql("""
                select a.attribute_bytes from spring_session_attributes a
                join spring_session s on s.primary_id = a.session_primary_id
                where s.session_id = ? and a.attribute_name = ?""")
                .params(sessionId, CONTEXT).query(byte[].class).single();
    }

    @Test
    void aSignedInSessionStoresItsContextCompactlyAndItsPagesReadItBack() {
        Person person = people.create();
        PortalClient browser = signedIn(person);

        byte[] stored = storedContext(sessionId(browser));

        assertThat(stored).startsWith((byte) 'M', new CompactSignedInContext().id());
        assertThat(stored.length).isLessThan(400);
        assertThat(browser.get("/").page().select(".who-name").text()).isEqualTo(person.displayName());
    }

    @Test
    void everyValueASignInAndItsPagesKeepInTheSessionIsStoredCompactlyAndReadBack() {
        Person person = people.create();
        jdbc.sql("update account set preferred_language = 'nl', time_zone = 'Asia/Tokyo' where id = ?")
                .param(person.id()).update();
        PortalClient browser = signedIn(person);

        var overview = browser.get("/").page();

        List<byte[]> stored = jdbc.sql("""
                select a.attribute_bytes from spring_session_attributes a
                join spring_session s on s.primary_id = a.session_primary_id where s.session_id = ?""")
                .param(sessionId(browser)).query(byte[].class).list();
        // The context, the sign-in's facts, its device, the language, the time zone and the CSRF token.
        assertThat(stored).hasSize(6).allSatisfy(value -> assertThat(value).startsWith((byte) 'M'));
        assertThat(overview.select("html").attr("lang")).isEqualTo("nl");
        assertThat(browser.submit(overview, "form[action=/signout]", Map.of()).location())
                .hasValueSatisfying(to -> assertThat(to).contains("/signin"));
    }

    @Test
    void theFactsOfASignInReadBackAsTheyWereWritten() throws IOException {
        var facts = new SignInFacts(SignInFacts.newId(), Instant.parse("2026-12-07T02:50:00.123456789Z"),
                List.of("pwd", "otp", "mfa"));
        var written = new ByteArrayOutputStream();
        new CompactSignInFacts().write(facts, new DataOutputStream(written));

        assertThat(new CompactSignInFacts().read(new DataInputStream(
                new ByteArrayInputStream(written.toByteArray())))).isEqualTo(facts);
    }

    @Test
    void aSessionStoredInJavaSerializationsFormBeforeStillOpensItsPages() throws IOException {
        Person person = people.create();
        PortalClient browser = signedIn(person);
        String sessionId = sessionId(browser);
        byte[] compact = storedContext(sessionId);
        Object context = new CompactSignedInContext().read(new DataInputStream(
                new ByteArrayInputStream(Arrays.copyOfRange(compact, 2, compact.length))));
        byte[] javaSerialized = new SerializingConverter().convert(context);

        jdbc.sql("""
                update spring_session_attributes set attribute_bytes = ?
                where attribute_name = ?
                  and session_primary_id = (select primary_id from spring_session where session_id = ?)""")
                .params(javaSerialized, CONTEXT, sessionId).update();

        assertThat(storedContext(sessionId)).startsWith(0xAC, 0xED);
        assertThat(browser.get("/").page().select(".who-name").text()).isEqualTo(person.displayName());
    }

    @Test
    void aSessionWhoseContextThisPortalCannotReadIsSignedOutAndCanSignInAgain() {
        Person person = people.create();
        PortalClient browser = signedIn(person);
        // As a portal of a later version might have stored it, or as damaged bytes look.
        jdbc.sql("""
                update spring_session_attributes set attribute_bytes = ?
                where attribute_name = ?
                  and session_primary_id = (select primary_id from spring_session where session_id = ?)""")
                .params(new byte[] {'M', 99}, CONTEXT, sessionId(browser)).update();

        assertThat(browser.get("/").location()).hasValueSatisfying(to -> assertThat(to).contains("/signin"));
        assertThat(browser.signIn(person.upn(), person.password()).location()).contains("/");
        assertThat(browser.get("/").page().select(".who-name").text()).isEqualTo(person.displayName());
    }
}
