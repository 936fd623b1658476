package dev.myaccount.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

/** A grant's attributes are parsed once while their text stays the same; tokens and changed grants are read anew. */
class GrantJsonTest {

    private final GrantJson json = new GrantJson(JsonMapper.builder());
    private final JavaType map = json.getTypeFactory().constructMapType(Map.class, String.class, Object.class);

    private static String attributes(String state) {
        return "{\"java.security.Principal\": {\"name\": \"ada\"}, \"state\": \"" + state + "\"}";
    }

    @Test
    void theSameAttributesAreReadOnceAndChangedOnesAgain() {
        Map<String, Object> first = json.readValue(attributes("one"), map);

        assertThat((Object) json.readValue(attributes("one"), map)).isSameAs(first);
        Map<String, Object> changed = json.readValue(attributes("two"), map);
        assertThat(changed).isNotSameAs(first).containsEntry("state", "two");
        assertThatThrownBy(() -> first.put("state", "three")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTokensMetadataIsReadEachTime() {
        String metadata = "{\"metadata.token.invalidated\": false}";

        assertThat((Object) json.readValue(metadata, map)).isNotSameAs(json.readValue(metadata, map));
    }

    @Test
    void onlyTheLatestFiveHundredAndTwelveAreKept() {
        Map<String, Object> first = json.readValue(attributes("0"), map);
        for (int i = 1; i <= 512; i++) {
            json.readValue(attributes(String.valueOf(i)), map);
        }

        assertThat((Object) json.readValue(attributes("0"), map)).isNotSameAs(first);
    }
}
