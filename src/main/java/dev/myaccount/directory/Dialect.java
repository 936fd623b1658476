package dev.myaccount.directory;

import java.time.Instant;
import java.util.Optional;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.SearchResultEntry;

/**
 * What differs between kinds of directory: where a person's stable id and last change are, and how a password is
 * written and a lockout lifted (who is disabled is the settings' filter). Each answer that refuses is the message key of why.
 */
interface Dialect {

    /**
     * The attributes read besides the mapped ones, for {@link #stableId}, {@link #changedAt} and
     * {@link #passwordChangedAt}.
     */
    String[] statusAttributes();

    /** When the entry last changed, in the directory's own order (a cursor); null when the entry does not say. */
    String changedAt(SearchResultEntry entry);

    /** The later of two cursors, either of which may be null. */
    String later(String one, String other);

    /** A filter for the entries changed at or after {@code cursor}. */
    String changedSince(String cursor);

    /** When the person's password was last set, as the entry says; null when it does not. */
    Instant passwordChangedAt(SearchResultEntry entry);

    /** The id the entry keeps when it is renamed or moved; null when the entry has none. */
    String stableId(SearchResultEntry entry);

    /** Changes the password on a connection bound as the person with {@code current}. */
    Optional<String> change(LDAPConnection asPerson, String dn, String current, String password) throws LDAPException;

    /** Sets the password as the service account and lifts the directory's lockout of the person. */
    Optional<String> reset(LDAPConnectionPool asService, String dn, String password) throws LDAPException;

    /** Lifts the directory's lockout of the person, as the service account. */
    void unlock(LDAPConnectionPool asService, String dn) throws LDAPException;
}
