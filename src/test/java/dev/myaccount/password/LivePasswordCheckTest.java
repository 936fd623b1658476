package dev.myaccount.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.myaccount.support.PortalClient.Response;
import dev.myaccount.support.PortalClient;
import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/** The JSON check behind the live checklist of the Change password page. */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class LivePasswordCheckTest extends PortalTestCase {

    private final JsonMapper json = JsonMapper.builder().build();

    private Person person;
    private PortalClient browser;
    private String csrf;

    @BeforeEach
    void signIn() {
        person = people.create();
        browser = new PortalClient(port);
        browser.signIn(person.upn(), person.password());
        csrf = PortalClient.csrfToken(browser.get("/password").page());
    }

    @Test
    void saysWhichChecksFailAndWhyInThePersonsLanguage() {
        JsonNode answer = check("PatDoe2024!");

        assertThat(answer.get("accepted").asBoolean()).isFalse();
        assertThat(answer.get("failedChecks").valueStream().map(JsonNode::asString).toList())
                .contains("PREDICTABLE");
        assertThat(answer.get("reasons").valueStream().map(r -> r.get("message").asString()).toList())
                .contains("It is mostly your name or your organisation's name.");
        assertThat(answer.get("strengthLabel").asString()).isNotBlank();

        PortalClient dutch = new PortalClient(port, "nl");
        dutch.signIn(person.upn(), person.password());
        String dutchCsrf = PortalClient.csrfToken(dutch.get("/password").page());
        JsonNode dutchAnswer = json.readTree(dutch.post("/password/check",
                Map.of("newPassword", "PatDoe2024!", "_csrf", dutchCsrf)).body());
        assertThat(dutchAnswer.get("reasons").valueStream().map(r -> r.get("message").asString()).toList())
                .contains("Het bestaat vooral uit uw naam of de naam van uw organisatie.");
    }

    @Test
    void acceptsAGoodPassphraseAndStoresNothing(CapturedOutput log) {
        Map<String, Integer> rowsBefore = rowsOfEveryTable();
        List<String> sessionBefore = sessionAttributes();

        JsonNode answer = check("seven sleepy otters in a canoe");
        check("PatDoe2024!");

        assertThat(answer.get("accepted").asBoolean()).isTrue();
        assertThat(answer.get("failedChecks").isEmpty()).isTrue();
        assertThat(answer.get("strength").asInt()).isEqualTo(4);
        assertThat(rowsOfEveryTable()).isEqualTo(rowsBefore);
        assertThat(sessionAttributes()).isEqualTo(sessionBefore);
        assertThat(log.getAll()).doesNotContain("otters", "PatDoe2024");
    }

    /** The rows of every table but the limits', where each check counts against its limit, by a hashed key. */
    private Map<String, Integer> rowsOfEveryTable() {
        Map<String, Integer> rows = new TreeMap<>();
        jdbc.sql("select table_name from information_schema.tables where lower(table_schema) = 'public' "
                + "and lower(table_type) in ('table', 'base table') and lower(table_name) <> 'rate_limit'")
                .query(String.class).list()
                .forEach(table -> rows.put(table,
                        jdbc.sql("select count(*) from " + table).query(Integer.class).single()));
        assertThat(rows).containsKeys("account", "audit_event", "sign_in_event", "spring_session_attributes");
        return rows;
    }

    /** Every attribute of every session of the person, with its stored bytes. */
    private List<String> sessionAttributes() {
        return jdbc.sql("""
                select a.attribute_name, a.attribute_bytes from spring_session_attributes a
                join spring_session s on s.primary_id = a.session_primary_id where s.principal_name = ?
                order by a.attribute_name""").param(person.upn())
                .query((rs, n) -> rs.getString(1) + "=" + HexFormat.of().formatHex(rs.getBytes(2))).list();
    }

    @Test
    void neverEchoesThePassword() {
        Response response = browser.post("/password/check", Map.of("newPassword", "zebra-Quokka-17", "_csrf", csrf));

        assertThat(response.body()).doesNotContain("zebra", "Quokka");
    }

    @Test
    void needsTheCsrfTokenAndASession() {
        assertThat(browser.post("/password/check", Map.of("newPassword", "anything at all")).status())
                .isEqualTo(403);
        assertThat(new PortalClient(port).post("/password/check", Map.of("newPassword", "x", "_csrf", csrf))
                .status()).isIn(302, 403);
    }

    @Test
    void isRateLimitedPerPerson() {
        List<Response> answers = IntStream.range(0, 30)
                .mapToObj(i -> browser.post("/password/check", Map.of("newPassword", "candidate " + i,
                        "_csrf", csrf)))
                .toList();

        // The limit refills a check every half second, so only the refusals among these 30 are certain:
        // asking once more afterwards may find a refilled check on a slow machine.
        assertThat(answers.subList(0, 20)).extracting(Response::status).containsOnly(200);
        List<Response> refused = answers.stream().filter(r -> r.status() == 429).toList();
        assertThat(refused).isNotEmpty().allSatisfy(r ->
                assertThat(json.readTree(r.body()).get("message").asString()).contains("paused"));

        PortalClient someoneElse = new PortalClient(port);
        Person other = people.create();
        someoneElse.signIn(other.upn(), other.password());
        assertThat(someoneElse.post("/password/check", Map.of("newPassword", "candidate 0",
                "_csrf", PortalClient.csrfToken(someoneElse.get("/password").page()))).status()).isEqualTo(200);
    }

    private JsonNode check(String candidate) {
        Response response = browser.post("/password/check", Map.of("newPassword", candidate, "_csrf", csrf));
        assertThat(response.status()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
