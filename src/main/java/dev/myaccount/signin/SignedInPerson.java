package dev.myaccount.signin;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import dev.myaccount.people.Account;
import dev.myaccount.people.Actor;
import dev.myaccount.web.Access;

/**
 * The person behind a session. Kept in the session store, so it holds only what pages show on every
 * request, and no credential. Until the second sign-in step is done ({@link #secondFactorFlow()} present)
 * the person has no authority and reaches nothing but that step.
 */
public final class SignedInPerson implements UserDetails {

    // Kept at 2 with fields added: a session saved before reads the session generation as 0 (the column's default)
    // and the email as null (the UPN). Sessions store a person as CompactSignedInContext writes it: a new field goes
    // there too (its test compares every field).
    @Serial
    private static final long serialVersionUID = 2L;

    private static final List<GrantedAuthority> SIGNED_IN = List.of(new SimpleGrantedAuthority(Access.SIGNED_IN));

    private final UUID accountId;
    private final UUID organisationId;
    private final String upn;
    private final String displayName;
    private final String organisationName;
    private final boolean mustChangePassword;
    private final UUID secondFactorFlow;
    private final Instant confirmedAt;
    private final int sessionGeneration;
    private final String email;

    /** The person of {@code account} as their sign-in read it, whose session stands while its generation does. */
    SignedInPerson(Account account, String organisationName, UUID secondFactorFlow, Instant confirmedAt) {
        this(account.id(), account.organisationId(), account.upn(), account.displayName(), organisationName,
                account.mustChangePassword(), secondFactorFlow, confirmedAt, account.sessionGeneration(),
                account.email());
    }

    /** The person as a session stored it ({@link CompactSignedInContext}). */
    SignedInPerson(UUID accountId, UUID organisationId, String upn, String displayName,
            String organisationName, boolean mustChangePassword, UUID secondFactorFlow, Instant confirmedAt,
            int sessionGeneration, String email) {
        this.accountId = accountId;
        this.organisationId = organisationId;
        this.upn = upn;
        this.displayName = displayName;
        this.organisationName = organisationName;
        this.mustChangePassword = mustChangePassword;
        this.secondFactorFlow = secondFactorFlow;
        this.confirmedAt = confirmedAt;
        this.sessionGeneration = sessionGeneration;
        this.email = email;
    }

    /** The same person, every step done, who proved who they are at {@code now}. */
    SignedInPerson confirmed(Instant now) {
        return new SignedInPerson(accountId, organisationId, upn, displayName, organisationName, mustChangePassword,
                null, now, sessionGeneration, email);
    }

    public UUID accountId() {
        return accountId;
    }

    /** This person as the one who changes their organisation's people (an admin). */
    public Actor asActor() {
        return new Actor(organisationId(), accountId(), upn());
    }

    public UUID organisationId() {
        return organisationId;
    }

    public String upn() {
        return upn;
    }

    /** The person's email address: what their organisation's directory says, or else their UPN. */
    public String email() {
        return email == null ? upn : email;
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

    /** The flow of the second sign-in step while it is not done. */
    public Optional<UUID> secondFactorFlow() {
        return Optional.ofNullable(secondFactorFlow);
    }

    /** When the person last proved who they are: at sign-in, or when they confirmed it for a sensitive change. */
    public Instant confirmedAt() {
        return confirmedAt;
    }

    /** The account's session generation when the sign-in read it (see {@link Account#sessionGeneration()}). */
    int sessionGeneration() {
        return sessionGeneration;
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
        return secondFactorFlow == null ? SIGNED_IN : List.of();
    }
}
