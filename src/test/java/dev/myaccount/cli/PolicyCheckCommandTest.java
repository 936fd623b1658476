package dev.myaccount.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PolicyCheckCommandTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void writesOneVerdictALineForEachRequestLine() {
        List<JsonNode> verdicts = run(0,
                "{\"password\": \"ContoS0Bl@nkf9!\", \"organisation\": \"Contoso\", \"bannedTerms\": [\"contoso\", \"blank\"]}",
                "{\"password\": \"Adele#12\", \"upn\": \"adele.vance@contoso.example\", \"givenName\": \"Adele\", "
                        + "\"surname\": \"Vance\", \"displayName\": \"Adele Vance\", \"organisation\": \"Contoso\"}",
                "{\"password\": \"qwerty123\", \"language\": \"nl\"}");

        assertThat(verdicts).hasSize(3);
        assertThat(verdicts.get(0).get("accepted").asBoolean()).isTrue();
        assertThat(verdicts.get(0).get("points").asInt()).isEqualTo(5);
        assertThat(verdicts.get(1).get("accepted").asBoolean()).isFalse();
        assertThat(verdicts.get(1).get("reasons").valueStream().map(r -> r.get("code").asString()).toList())
                .contains("contains-name", "mostly-names");
        assertThat(verdicts.get(2).get("reasons").get(0).get("message").asString()).contains("datalekken");
        assertThat(verdicts.get(2).get("score").asInt()).isBetween(0, 4);
    }

    @Test
    void aLineThatIsNotARequestGetsAnErrorAndTheOthersStillAnswer() {
        List<JsonNode> verdicts = run(2, "not json", "{\"upn\": \"x@y.example\"}",
                "{\"password\": \"seven sleepy otters in a canoe\"}");

        assertThat(verdicts.get(0).has("error")).isTrue();
        assertThat(verdicts.get(1).get("error").asString()).contains("password");
        assertThat(verdicts.get(2).get("accepted").asBoolean()).isTrue();
    }

    private List<JsonNode> run(int expectedStatus, String... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = PolicyCheckCommand.run(new String[] {"policy", "check"},
                new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(expectedStatus);
        return out.toString(StandardCharsets.UTF_8).lines().map(json::readTree).toList();
    }
}
