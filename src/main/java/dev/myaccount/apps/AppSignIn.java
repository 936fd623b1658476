package dev.myaccount.apps;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import dev.myaccount.signin.SignInFacts;
import dev.myaccount.signin.SignedInPerson;

/**
 * The person an app signs in, as the authorization server keeps them with each grant (in the database, as JSON):
 * what the tokens say of them and of their sign-in, and nothing else of the session. Named by the account's id,
 * which stays when the UPN changes, so grants and consents stay too. The methods are one string, separated by
 * spaces: a list would be written with the name of its class, which the JSON's allow-list refuses.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AppSignIn(UUID accountId, UUID organisationId, String upn, String displayName, Instant authTime,
        String methods, String sessionId, String email) implements AuthenticatedPrincipal {

    static AppSignIn of(SignedInPerson person, SignInFacts facts) {
        return new AppSignIn(person.accountId(), person.organisationId(), person.upn(), person.displayName(),
                facts.at(), String.join(" ", facts.methods()), facts.id(), person.email());
    }

    /** The person's email address; a grant kept before it was, has the UPN. */
    String emailOrUpn() {
        return email == null ? upn : email;
    }

    @Override
    public String getName() {
        return accountId.toString();
    }

    /** How the person proved who they are, as RFC 8176 names the methods. */
    List<String> amr() {
        return List.of(methods.split(" "));
    }

    Authentication authentication() {
        return UsernamePasswordAuthenticationToken.authenticated(this, null, AuthorityUtils.NO_AUTHORITIES);
    }
}
