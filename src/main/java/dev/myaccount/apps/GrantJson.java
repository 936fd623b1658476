package dev.myaccount.apps;

import java.security.Principal;
import java.util.Collections;
import java.util.Map;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of grants, which keeps what it last read of each grant's attributes (the person, the app's request): they
 * stay the same from one refresh to the next while the tokens change, and parsing them took half of a refresh's JSON
 * work. What is kept is found by the whole text, so a grant changed on any node is read again. Only attributes (the
 * JSON that names the principal) are kept, the last {@value #KEPT} of them, so that tokens, which never come back, do
 * not push them out. What is kept is shared: the maps are unmodifiable and what they hold is not changed once read.
 */
final class GrantJson extends JsonMapper {

    private static final int KEPT = 512;
    private static final String ATTRIBUTES = "\"" + Principal.class.getName() + "\"";

    private final Map<String, Object> kept = LastUsed.keeping(KEPT);

    GrantJson(JsonMapper.Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T readValue(String content, JavaType type) {
        if (!type.isMapLikeType() || !content.contains(ATTRIBUTES)) {
            return super.readValue(content, type);
        }
        Object read = kept.get(content);
        if (read == null) {
            read = Collections.unmodifiableMap((Map<?, ?>) super.readValue(content, type));
            kept.put(content, read);
        }
        return (T) read;
    }
}
