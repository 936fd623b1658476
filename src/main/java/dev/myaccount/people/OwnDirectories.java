package dev.myaccount.people;

import java.util.Optional;

/**
 * The organisations' own directories (OpenLDAP, Active Directory), which keep the passwords of the people read from
 * them: the portal asks and writes there, behind its own policy and lockout. The directory module answers.
 */
public interface OwnDirectories {

    /** Whether {@code password} is the person's, by binding as them. DirectoryUnreachableException when it cannot say. */
    boolean passwordRight(Account person, String password);

    /**
     * For a UPN that no one with a usable account has: when its domain is an organisation's with a directory of its
     * own, binds as no one there with {@code password}, the same round trip a known person's check takes, and
     * answers true. False, having done nothing, for any other domain.
     */
    boolean boundAsNoOne(String upn, String password);

    /** Writes the person's new password bound as them with their current one; the directory's refusal, if any. */
    Optional<String> change(Account person, String current, String password);

    /** Sets the person's password as the service account and lifts the directory's lockout; its refusal, if any. */
    Optional<String> reset(Account person, String password);

    /** Lifts the directory's own lockout of the person; its refusal, if any. */
    Optional<String> unlock(Account person);
}
