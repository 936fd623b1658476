package dev.myaccount.session;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * A person's language and time zone as the portal keeps them in the session, which pages read: a language tag or a
 * zone id, after a mark saying which. A language whose tag does not read back as the same locale is left to Java
 * serialization.
 */
@Component
class CompactLanguageAndZone implements CompactSessionValue {

    private static final byte LANGUAGE = 'L';
    private static final byte ZONE = 'Z';

    @Override
    public byte id() {
        return 3;
    }

    @Override
    public boolean writes(Object value) {
        return value instanceof Locale language && Locale.forLanguageTag(language.toLanguageTag()).equals(language)
                || value instanceof ZoneId;
    }

    @Override
    public void write(Object value, DataOutput out) throws IOException {
        if (value instanceof Locale language) {
            out.writeByte(LANGUAGE);
            CompactFields.writeText(out, language.toLanguageTag());
        } else {
            out.writeByte(ZONE);
            CompactFields.writeText(out, ((ZoneId) value).getId());
        }
    }

    @Override
    public Object read(DataInput in) throws IOException {
        byte kind = in.readByte();
        String text = CompactFields.readText(in);
        return switch (kind) {
            case LANGUAGE -> Locale.forLanguageTag(text);
            case ZONE -> ZoneId.of(text);
            default -> throw new IOException("A stored setting of kind " + kind);
        };
    }
}
