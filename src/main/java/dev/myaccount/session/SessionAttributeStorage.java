package dev.myaccount.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.core.ConfigurableObjectInputStream;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * How session attributes are stored: in a compact form where one is made for the value ({@link CompactSessionValue}:
 * the security context every signed-in request reads), else as Spring Session stores them (Java serialization), with
 * each class a stored attribute names looked up by name once per node rather than on every read. Java serialization
 * begins with 0xAC, a compact form with {@link #COMPACT}, so sessions stored before either way read back.
 */
@Component
class SessionAttributeStorage implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository>,
        BeanClassLoaderAware {

    static final byte COMPACT = 'M';

    private static final Logger log = LoggerFactory.getLogger(SessionAttributeStorage.class);

    private final List<CompactSessionValue> forms;
    private final Converter<Object, byte[]> serialization = new SerializingConverter();
    private final Map<String, Class<?>> known = new ConcurrentHashMap<>();
    private ClassLoader classLoader;

    SessionAttributeStorage(List<CompactSessionValue> forms) {
        if (forms.stream().map(CompactSessionValue::id).distinct().count() < forms.size()) {
            throw new IllegalStateException("Two compact forms of session values have the same id: " + forms);
        }
        this.forms = List.copyOf(forms);
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void customize(JdbcIndexedSessionRepository sessions) {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, this::write);
        conversions.addConverter(byte[].class, Object.class, this::read);
        sessions.setConversionService(conversions);
    }

    byte[] write(Object value) {
        for (CompactSessionValue form : forms) {
            if (form.writes(value)) {
                ByteArrayOutputStream stored = new ByteArrayOutputStream(256);
                try (DataOutputStream out = new DataOutputStream(stored)) {
                    out.writeByte(COMPACT);
                    out.writeByte(form.id());
                    form.write(value, out);
                } catch (IOException failed) {
                    throw new SerializationFailedException("Could not store a session attribute", failed);
                }
                return stored.toByteArray();
            }
        }
        return serialization.convert(value);
    }

    /**
     * The stored value, or null (as if it had never been set) when this portal cannot read it: a form a later
     * version stored, damaged bytes, a class that is gone. An unreadable security context is then a person signed
     * out, who can sign in again, rather than a session whose every request fails.
     */
    Object read(byte[] stored) {
        try {
            if (stored.length > 1 && stored[0] == COMPACT) {
                return compact(stored[1]).read(new DataInputStream(new ByteArrayInputStream(stored, 2,
                        stored.length - 2)));
            }
            return deserialised(new ByteArrayInputStream(stored));
        } catch (IOException | RuntimeException unreadable) {
            // A value's own checks (a blank CSRF token, an unknown zone) refuse damaged bytes with runtime exceptions.
            log.warn("A stored session attribute could not be read and is taken as absent: {}", unreadable.toString());
            return null;
        }
    }

    private CompactSessionValue compact(byte id) throws IOException {
        for (CompactSessionValue form : forms) {
            if (form.id() == id) {
                return form;
            }
        }
        throw new IOException("A stored session attribute is in a form this portal does not know: " + id);
    }

    private Object deserialised(InputStream stored) throws IOException {
        ObjectInputStream objects = new ConfigurableObjectInputStream(stored, classLoader) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass description) throws IOException,
                    ClassNotFoundException {
                Class<?> found = known.get(description.getName());
                if (found == null) {
                    found = super.resolveClass(description);
                    known.put(description.getName(), found);
                }
                return found;
            }
        };
        try {
            return objects.readObject();
        } catch (ClassNotFoundException gone) {
            throw new IOException("A stored session attribute names a class this portal does not have", gone);
        }
    }
}
