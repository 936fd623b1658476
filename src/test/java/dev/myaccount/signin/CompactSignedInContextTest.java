package dev.myaccount.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Account;

/** The security context of a signed-in person reads back from its compact form as every door made it. */
class CompactSignedInContextTest {

    private final CompactSignedInContext form = new CompactSignedInContext();

    private static Account account(String email) {
        return new Account(UUID.randomUUID(), UUID.randomUUID(), "megan.bowen@contoso.example", "Megan Bowen",
                "Megan", "Bowen", "$argon2id$...", Instant.parse("2026-12-01T08:00:00Z"), true, true, "nl",
                "Europe/Amsterdam", 7, null, email, null);
    }

    private static SecurityContextImpl context(SignedInPerson person, Object details) {
        var token = UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities());
        token.setDetails(details);
        return new SecurityContextImpl(token);
    }

    private SecurityContextImpl roundTrip(SecurityContextImpl context) throws IOException {
        assertThat(form.writes(context)).isTrue();
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        form.write(context, new DataOutputStream(stored));
        return (SecurityContextImpl) form.read(new DataInputStream(new ByteArrayInputStream(stored.toByteArray())));
    }

    @Test
    void aSignedInPersonAndTheirSignInsDetailsReadBackFieldForField() throws IOException {
        SignedInPerson person = new SignedInPerson(account("megan@contoso.example"), "Contoso",
                null, Instant.parse("2026-12-05T23:59:49.123456789Z"));
        SignInDetails details = new SignInDetails(new RequestOrigin("192.0.2.7", "Firefox — ünïcode"), "device-1");

        var read = roundTrip(context(person, details));

        var token = (UsernamePasswordAuthenticationToken) read.getAuthentication();
        SignedInPerson back = (SignedInPerson) token.getPrincipal();
        assertThat(back).usingRecursiveComparison().isEqualTo(person);
        assertThat(back.email()).isEqualTo("megan@contoso.example");
        assertThat(back.sessionGeneration()).isEqualTo(7);
        assertThat(back.mustChangePassword()).isTrue();
        assertThat(token.isAuthenticated()).isTrue();
        assertThat(token.getCredentials()).isNull();
        assertThat(token.getAuthorities()).isEqualTo(person.getAuthorities()).isNotEmpty();
        assertThat(token.getDetails()).isEqualTo(details);
    }

    @Test
    void aPersonHalfWayThroughTheSecondStepReadsBackWithTheFlowAndNoAuthority() throws IOException {
        UUID flow = UUID.randomUUID();
        SignedInPerson person = new SignedInPerson(account(null), "Contoso", flow, Instant.now());

        var read = roundTrip(context(person, null));

        SignedInPerson back = (SignedInPerson) read.getAuthentication().getPrincipal();
        assertThat(back.secondFactorFlow()).contains(flow);
        assertThat(back.email()).isEqualTo("megan.bowen@contoso.example");
        assertThat(read.getAuthentication().getAuthorities()).isEmpty();
        assertThat(read.getAuthentication().getDetails()).isNull();
    }

    @Test
    void everyOtherContextIsLeftToJavaSerialization() {
        SignedInPerson person = new SignedInPerson(account(null), "Contoso", null, Instant.now());
        var withCredentials = UsernamePasswordAuthenticationToken.authenticated(person, "secret",
                person.getAuthorities());
        var moreAuthority = UsernamePasswordAuthenticationToken.authenticated(person, null,
                List.of(new SimpleGrantedAuthority("SIGNED_IN"), new SimpleGrantedAuthority("ADMIN")));
        var notAuthenticated = UsernamePasswordAuthenticationToken.unauthenticated(person, null);
        var otherPrincipal = UsernamePasswordAuthenticationToken.authenticated("megan", null, List.of());
        var otherDetails = UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities());
        otherDetails.setDetails("127.0.0.1");
        var detailsWithoutOrigin = UsernamePasswordAuthenticationToken.authenticated(person, null,
                person.getAuthorities());
        detailsWithoutOrigin.setDetails(new SignInDetails(null, "device-1"));

        for (var token : List.of(withCredentials, moreAuthority, notAuthenticated, otherPrincipal, otherDetails,
                detailsWithoutOrigin,
                new TestingAuthenticationToken(person, null, "SIGNED_IN"))) {
            assertThat(form.writes(new SecurityContextImpl(token))).as(token.toString()).isFalse();
        }
        assertThat(form.writes(new SecurityContextImpl())).isFalse();
        assertThat(form.writes(person)).isFalse();
    }

    @Test
    void aDamagedLengthIsAnErrorNotAHugeAllocation() throws IOException {
        SignedInPerson person = new SignedInPerson(account(null), "Contoso", null, Instant.now());
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        form.write(context(person, null), new DataOutputStream(stored));
        byte[] damaged = stored.toByteArray();
        // The UPN's length follows the two ids (a present flag and 16 bytes each).
        Arrays.fill(damaged, 34, 38, (byte) 0x7f);

        assertThatThrownBy(() -> form.read(new DataInputStream(new ByteArrayInputStream(damaged))))
                .isInstanceOf(IOException.class).hasMessageContaining("bytes");
    }
}
