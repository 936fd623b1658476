package dev.myaccount.signin;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import dev.myaccount.directory.Account;
import dev.myaccount.directory.DirectoryService;
import dev.myaccount.directory.Organisation;

/**
 * Looks accounts up for Spring Security's sign-in, and stores the stronger hash it makes when a
 * stored hash has weaker parameters than the current ones.
 */
@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final DirectoryService directory;

    AccountUserDetailsService(DirectoryService directory) {
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String upn) {
        // An account without a password, or disabled, cannot sign in with one: it is treated as unknown, dummy
        // hash included, so that neither the answer nor its time tells it apart from a wrong password.
        Account account = directory.findByUpn(upn)
                .filter(found -> found.passwordHash() != null && found.enabled())
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        String organisationName = directory.findOrganisation(account.organisationId())
                .map(Organisation::name)
                .orElseThrow(() -> new UsernameNotFoundException("no organisation"));
        return new SignedInPerson(account.id(), account.organisationId(), account.upn(), account.displayName(),
                organisationName, account.mustChangePassword(), account.enabled(), account.passwordHash());
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        SignedInPerson person = (SignedInPerson) user;
        directory.upgradePasswordHash(person.accountId(), newPasswordHash);
        return new SignedInPerson(person.accountId(), person.organisationId(), person.upn(), person.displayName(),
                person.organisationName(), person.mustChangePassword(), person.isEnabled(), newPasswordHash);
    }
}
