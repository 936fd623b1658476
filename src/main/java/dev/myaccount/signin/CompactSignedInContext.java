package dev.myaccount.signin;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.session.CompactSessionValue;

/**
 * The security context of a signed-in person, stored as its fields: every signed-in request reads it, and Java
 * serialization's form (about 1.5 KB, a dozen class descriptions) took 20-25 µs to read once compiled, a
 * twentieth of a page. Only the context every door of the portal makes is stored so (the person, no credentials,
 * the person's own authorities, the sign-in's details or none); any other is left to Java serialization.
 */
@Component
class CompactSignedInContext implements CompactSessionValue {

    /**
     * The longest text read back, so that damaged bytes cannot ask for a huge array: far above any UPN, name or user
     * agent a request can bring (Tomcat takes 8 KiB of headers unless told otherwise).
     */
    private static final int LONGEST_TEXT = 1 << 20;

    @Override
    public byte id() {
        return 1;
    }

    @Override
    public boolean writes(Object value) {
        return value.getClass() == SecurityContextImpl.class
                && madeByADoor(((SecurityContextImpl) value).getAuthentication());
    }

    /** The person, no credentials, the person's own authorities, the sign-in's details or none. */
    private static boolean madeByADoor(Authentication signedIn) {
        return signedIn != null && signedIn.getClass() == UsernamePasswordAuthenticationToken.class
                && signedIn.isAuthenticated() && signedIn.getCredentials() == null
                && signedIn.getPrincipal() instanceof SignedInPerson person
                && signedIn.getAuthorities().equals(person.getAuthorities())
                && (signedIn.getDetails() == null
                        || signedIn.getDetails() instanceof SignInDetails details && details.origin() != null);
    }

    @Override
    public void write(Object value, DataOutput out) throws IOException {
        var token = (UsernamePasswordAuthenticationToken) ((SecurityContextImpl) value).getAuthentication();
        SignedInPerson person = (SignedInPerson) token.getPrincipal();
        uuid(out, person.accountId());
        uuid(out, person.organisationId());
        text(out, person.upn());
        text(out, person.displayName());
        text(out, person.organisationName());
        out.writeBoolean(person.mustChangePassword());
        uuid(out, person.secondFactorFlow().orElse(null));
        instant(out, person.confirmedAt());
        out.writeInt(person.sessionGeneration());
        text(out, person.email());
        out.writeBoolean(token.getDetails() != null);
        if (token.getDetails() instanceof SignInDetails details) {
            text(out, details.origin().clientAddress());
            text(out, details.origin().userAgent());
            text(out, details.deviceId());
        }
    }

    @Override
    public Object read(DataInput in) throws IOException {
        UUID accountId = uuid(in);
        UUID organisationId = uuid(in);
        String upn = text(in);
        String displayName = text(in);
        String organisationName = text(in);
        boolean mustChangePassword = in.readBoolean();
        UUID secondFactorFlow = uuid(in);
        Instant confirmedAt = instant(in);
        int sessionGeneration = in.readInt();
        String email = text(in);
        SignedInPerson person = new SignedInPerson(accountId, organisationId, upn, displayName, organisationName,
                mustChangePassword, secondFactorFlow, confirmedAt, sessionGeneration, email);
        var token = UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities());
        if (in.readBoolean()) {
            token.setDetails(new SignInDetails(new RequestOrigin(text(in), text(in)), text(in)));
        }
        return new SecurityContextImpl(token);
    }

    private static void uuid(DataOutput out, UUID uuid) throws IOException {
        out.writeBoolean(uuid != null);
        if (uuid != null) {
            out.writeLong(uuid.getMostSignificantBits());
            out.writeLong(uuid.getLeastSignificantBits());
        }
    }

    private static UUID uuid(DataInput in) throws IOException {
        return in.readBoolean() ? new UUID(in.readLong(), in.readLong()) : null;
    }

    private static void instant(DataOutput out, Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        }
    }

    private static Instant instant(DataInput in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    private static void text(DataOutput out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInput in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > LONGEST_TEXT) {
            throw new IOException("A stored text of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
