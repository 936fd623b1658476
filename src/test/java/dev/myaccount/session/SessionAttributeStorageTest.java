package dev.myaccount.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Session attributes are stored in a compact form where one writes them, else by Java serialization (with classes
 * looked up once); either reads back as it was written, each read its own, and so do attributes stored before; one
 * this portal cannot read is absent.
 */
class SessionAttributeStorageTest {

    record Visit(UUID id, Instant at, List<String> pages) implements Serializable {
    }

    /** A compact form for visits: their id alone, read back with a fresh list. */
    static final class CompactVisit implements CompactSessionValue {

        @Override
        public byte id() {
            return 7;
        }

        @Override
        public boolean writes(Object value) {
            return value instanceof Visit visit && visit.pages().isEmpty() && visit.at().equals(Instant.EPOCH);
        }

        @Override
        public void write(Object value, DataOutput out) throws IOException {
            out.writeLong(((Visit) value).id().getMostSignificantBits());
            out.writeLong(((Visit) value).id().getLeastSignificantBits());
        }

        @Override
        public Object read(DataInput in) throws IOException {
            return new Visit(new UUID(in.readLong(), in.readLong()), Instant.EPOCH, List.of());
        }
    }

    private final SerializingConverter javaSerialization = new SerializingConverter();

    private static SessionAttributeStorage storage(CompactSessionValue... forms) {
        SessionAttributeStorage storage = new SessionAttributeStorage(List.of(forms));
        storage.setBeanClassLoader(SessionAttributeStorageTest.class.getClassLoader());
        return storage;
    }

    @Test
    void aValueWithoutACompactFormIsStoredByJavaSerializationAndEveryReadIsAnObjectOfItsOwn() {
        SessionAttributeStorage storage = storage(new CompactVisit());
        var token = UsernamePasswordAuthenticationToken.authenticated(
                new Visit(UUID.randomUUID(), Instant.now(), List.of("/", "/security-info")), null,
                List.of(new SimpleGrantedAuthority("SIGNED_IN")));
        byte[] stored = storage.write(new SecurityContextImpl(token));

        assertThat(stored).startsWith(0xAC, 0xED);
        var first = (SecurityContextImpl) storage.read(stored);
        var second = (SecurityContextImpl) storage.read(stored);
        assertThat(first.getAuthentication().getPrincipal()).isEqualTo(token.getPrincipal());
        assertThat(first.getAuthentication().getAuthorities()).isEqualTo(token.getAuthorities());
        assertThat(second.getAuthentication().getPrincipal()).isEqualTo(token.getPrincipal());
        // A request that changes its own context (signing out) must not change what another request read.
        assertThat(second).isNotSameAs(first);
        assertThat(second.getAuthentication()).isNotSameAs(first.getAuthentication());
    }

    @Test
    void aValueWithACompactFormIsStoredInItMarkedWithItsIdAndReadBack() {
        SessionAttributeStorage storage = storage(new CompactVisit());
        Visit visit = new Visit(UUID.randomUUID(), Instant.EPOCH, List.of());

        byte[] stored = storage.write(visit);

        assertThat(stored).hasSize(2 + 16).startsWith(SessionAttributeStorage.COMPACT, (byte) 7);
        assertThat(storage.read(stored)).isEqualTo(visit);
    }

    @Test
    void theBrowserThatSignedASessionInReadsBackAsItWasWritten() {
        SessionAttributeStorage storage = storage(new CompactSessionDevice());
        var device = new SessionDevice("Firefox 133", "Windows", "2001:db8::7", Instant.parse("2026-12-07T02:50:00Z"));

        byte[] stored = storage.write(device);

        assertThat(stored).startsWith(SessionAttributeStorage.COMPACT, new CompactSessionDevice().id());
        assertThat(storage.read(stored)).isEqualTo(device);
    }

    @Test
    void aCompactValueItsOwnChecksRefuseReadsAsAbsent() {
        SessionAttributeStorage storage = storage(new CompactCsrfToken());
        byte[] stored = storage.write(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t"));
        // The token's length and its one byte become an empty text, which DefaultCsrfToken refuses.
        byte[] emptyToken = Arrays.copyOf(stored, stored.length - 1);
        emptyToken[emptyToken.length - 1] = 0;

        assertThat(storage.read(stored)).isNotNull();
        assertThat(storage.read(emptyToken)).isNull();
    }

    @Test
    void twoCompactFormsWithTheSameIdAreRefusedAtStartUp() {
        assertThatThrownBy(() -> storage(new CompactVisit(), new CompactVisit()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueStoredByJavaSerializationBeforeItHadACompactFormStillReadsBack() {
        Visit visit = new Visit(UUID.randomUUID(), Instant.EPOCH, List.of());

        assertThat(storage(new CompactVisit()).read(javaSerialization.convert(visit))).isEqualTo(visit);
    }

    @Test
    void aCompactFormThisPortalDoesNotKnowReadsAsAbsent() {
        byte[] stored = storage(new CompactVisit()).write(new Visit(UUID.randomUUID(), Instant.EPOCH, List.of()));

        assertThat(storage().read(stored)).isNull();
    }

    @Test
    void aCutShortCompactFormReadsAsAbsent() {
        byte[] stored = storage(new CompactVisit()).write(new Visit(UUID.randomUUID(), Instant.EPOCH, List.of()));

        assertThat(storage(new CompactVisit()).read(Arrays.copyOf(stored, 10))).isNull();
    }

    @Test
    void anAttributeOfAClassThePortalDoesNotHaveReadsAsAbsent() {
        SessionAttributeStorage storage = new SessionAttributeStorage(List.of());
        storage.setBeanClassLoader(new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(Visit.class.getName())) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        });
        byte[] stored = javaSerialization.convert(new Visit(UUID.randomUUID(), Instant.now(), List.of()));

        assertThat(storage.read(stored)).isNull();
    }
}
