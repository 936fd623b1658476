package dev.myaccount.signin;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.session.CompactFields;
import dev.myaccount.session.CompactSessionValue;

/**
 * The security context of a signed-in person, stored as its fields: every signed-in request reads it, and Java
 * serialization's form (about 1.5 KB, a dozen class descriptions) took 20-25 µs to read once compiled, a
 * twentieth of a page. Only the context every door of the portal makes is stored so (the person, no credentials,
 * the person's own authorities, the sign-in's details or none); any other is left to Java serialization.
 */
@Component
class CompactSignedInContext implements CompactSessionValue {

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
        CompactFields.writeUuid(out, person.accountId());
        CompactFields.writeUuid(out, person.organisationId());
        CompactFields.writeText(out, person.upn());
        CompactFields.writeText(out, person.displayName());
        CompactFields.writeText(out, person.organisationName());
        out.writeBoolean(person.mustChangePassword());
        CompactFields.writeUuid(out, person.secondFactorFlow().orElse(null));
        CompactFields.writeInstant(out, person.confirmedAt());
        out.writeInt(person.sessionGeneration());
        CompactFields.writeText(out, person.email());
        out.writeBoolean(token.getDetails() != null);
        if (token.getDetails() instanceof SignInDetails details) {
            CompactFields.writeText(out, details.origin().clientAddress());
            CompactFields.writeText(out, details.origin().userAgent());
            CompactFields.writeText(out, details.deviceId());
        }
    }

    @Override
    public Object read(DataInput in) throws IOException {
        UUID accountId = CompactFields.readUuid(in);
        UUID organisationId = CompactFields.readUuid(in);
        String upn = CompactFields.readText(in);
        String displayName = CompactFields.readText(in);
        String organisationName = CompactFields.readText(in);
        boolean mustChangePassword = in.readBoolean();
        UUID secondFactorFlow = CompactFields.readUuid(in);
        Instant confirmedAt = CompactFields.readInstant(in);
        int sessionGeneration = in.readInt();
        String email = CompactFields.readText(in);
        SignedInPerson person = new SignedInPerson(accountId, organisationId, upn, displayName, organisationName,
                mustChangePassword, secondFactorFlow, confirmedAt, sessionGeneration, email);
        var token = UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities());
        if (in.readBoolean()) {
            var origin = new RequestOrigin(CompactFields.readText(in), CompactFields.readText(in));
            token.setDetails(new SignInDetails(origin, CompactFields.readText(in)));
        }
        return new SecurityContextImpl(token);
    }
}
