package dev.myaccount.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;

/** Session attributes read with their classes looked up once read back as they were written, each read its own. */
class SessionAttributeClassesTest {

    record Visit(UUID id, Instant at, List<String> pages) implements Serializable {
    }

    private final SerializingConverter writing = new SerializingConverter();

    @Test
    void everyReadGivesBackWhatWasWrittenAsAnObjectOfItsOwn() throws IOException {
        SessionAttributeClasses classes = new SessionAttributeClasses();
        classes.setBeanClassLoader(getClass().getClassLoader());
        var token = UsernamePasswordAuthenticationToken.authenticated(
                new Visit(UUID.randomUUID(), Instant.now(), List.of("/", "/security-info")), null,
                List.of(new SimpleGrantedAuthority("SIGNED_IN")));
        byte[] stored = writing.convert(new SecurityContextImpl(token));

        var first = (SecurityContextImpl) classes.read(new ByteArrayInputStream(stored));
        var second = (SecurityContextImpl) classes.read(new ByteArrayInputStream(stored));

        assertThat(first.getAuthentication().getPrincipal()).isEqualTo(token.getPrincipal());
        assertThat(first.getAuthentication().getAuthorities()).isEqualTo(token.getAuthorities());
        assertThat(second.getAuthentication().getPrincipal()).isEqualTo(token.getPrincipal());
        // A request that changes its own context (signing out) must not change what another request read.
        assertThat(second).isNotSameAs(first);
        assertThat(second.getAuthentication()).isNotSameAs(first.getAuthentication());
    }

    @Test
    void anAttributeOfAClassThePortalDoesNotHaveIsAnErrorOfReading() {
        SessionAttributeClasses classes = new SessionAttributeClasses();
        classes.setBeanClassLoader(new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(Visit.class.getName())) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        });
        byte[] stored = writing.convert(new Visit(UUID.randomUUID(), Instant.now(), List.of()));

        assertThatThrownBy(() -> classes.read(new ByteArrayInputStream(stored))).isInstanceOf(IOException.class)
                .hasCauseInstanceOf(ClassNotFoundException.class);
    }
}
