package dev.myaccount.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.core.ConfigurableObjectInputStream;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Session attributes are written and read as Spring Session does (Java serialization), but each class a stored
 * attribute names is looked up by name once per node rather than on every read: every signed-in request reads its
 * security context, a dozen classes, and looking them up again was a third of that read.
 */
@Component
class SessionAttributeClasses implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository>,
        BeanClassLoaderAware {

    private final Map<String, Class<?>> known = new ConcurrentHashMap<>();
    private ClassLoader classLoader;

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void customize(JdbcIndexedSessionRepository sessions) {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, new DeserializingConverter(this::read));
        sessions.setConversionService(conversions);
    }

    Object read(InputStream stored) throws IOException {
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
