package dev.myaccount.signin;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person behind a session. Kept in the session store, so it holds only what pages show on every
 * request, and no credential.
 */
public final class SignedInPerson implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID accountId;
    private final UUID organisationId;
    private final String upn;
    private final String displayName;
    private final String organisationName;
    private final boolean mustChangePassword;

    SignedInPerson(UUID accountId, UUID organisationId, String upn, String displayName, String organisationName,
            boolean mustChangePassword) {
        this.accountId = accountId;
        this.organisationId = organisationId;
        this.upn = upn;
        this.displayName = displayName;
        this.organisationName = organisationName;
        this.mustChangePassword = mustChangePassword;
    }

    public UUID accountId() {
        return accountId;
    }

    public UUID organisationId() {
        return organisationId;
    }

    public String upn() {
        return upn;
    }

    public String displayName() {
        return displayName;
    }

    public String organisationName() {
        return organisationName;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public String getUsername() {
        return upn;
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of();
    }
}
