package dev.myaccount.directory;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10RequestControl;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ResponseControl;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;

/**
 * OpenLDAP (and any directory with RFC 3062 and the ppolicy overlay): passwords written with the Password Modify
 * extended operation, which lets the server hash them under its own scheme; ppolicy says why it refuses one. A lock
 * by ppolicy ({@code pwdAccountLockedTime}) is a lockout, which a reset lifts, unless it is for good (000001010000Z:
 * the person is disabled, as the kind's usual disabled filter says).
 */
final class OpenLdap implements Dialect {

    static final String LOCKED_TIME = "pwdAccountLockedTime";
    static final String LOCKED_FOR_GOOD = "000001010000Z";

    @Override
    public String[] statusAttributes() {
        return new String[] {"entryUUID", "modifyTimestamp", "pwdChangedTime"};
    }

    @Override
    public String changedAt(SearchResultEntry entry) {
        return entry.getAttributeValue("modifyTimestamp");
    }

    /** Generalized times of one server, in one format, order as text. */
    @Override
    public String later(String one, String other) {
        return one == null ? other : other == null || one.compareTo(other) >= 0 ? one : other;
    }

    @Override
    public String changedSince(String cursor) {
        return Filter.createGreaterOrEqualFilter("modifyTimestamp", cursor).toString();
    }

    /** ppolicy's {@code pwdChangedTime}, an operational attribute read only when asked for by name. */
    @Override
    public Instant passwordChangedAt(SearchResultEntry entry) {
        Date changed = entry.getAttributeValueAsDate("pwdChangedTime");
        return changed == null ? null : changed.toInstant();
    }

    @Override
    public String stableId(SearchResultEntry entry) {
        return entry.getAttributeValue("entryUUID");
    }

    @Override
    public Optional<String> change(LDAPConnection asPerson, String dn, String current, String password)
            throws LDAPException {
        return written(asPerson.processExtendedOperation(new PasswordModifyExtendedRequest(dn, current, password,
                new Control[] {new DraftBeheraLDAPPasswordPolicy10RequestControl()})));
    }

    @Override
    public Optional<String> reset(LDAPConnectionPool asService, String dn, String password) throws LDAPException {
        Optional<String> refused = written(asService.processExtendedOperation(new PasswordModifyExtendedRequest(dn,
                null, password, new Control[] {new DraftBeheraLDAPPasswordPolicy10RequestControl()})));
        if (refused.isEmpty()) {
            unlock(asService, dn);
        }
        return refused;
    }

    @Override
    public void unlock(LDAPConnectionPool asService, String dn) throws LDAPException {
        SearchResultEntry entry = asService.getEntry(dn, LOCKED_TIME);
        String locked = entry == null ? null : entry.getAttributeValue(LOCKED_TIME);
        if (locked != null && !LOCKED_FOR_GOOD.equals(locked)) {
            asService.modify(dn, new Modification(ModificationType.DELETE, LOCKED_TIME));
        }
    }

    /** The refusal in the server's answer, by ppolicy's error when it gave one. */
    private static Optional<String> written(ExtendedResult result) throws LDAPException {
        if (result.getResultCode() == ResultCode.SUCCESS) {
            return Optional.empty();
        }
        DraftBeheraLDAPPasswordPolicy10ResponseControl policy = DraftBeheraLDAPPasswordPolicy10ResponseControl
                .get(result);
        if (policy != null && policy.getErrorType() != null) {
            return Optional.of(switch (policy.getErrorType()) {
                case PASSWORD_TOO_SHORT -> "directory.refused.too-short";
                case PASSWORD_IN_HISTORY -> "directory.refused.history";
                case PASSWORD_TOO_YOUNG -> "directory.refused.too-young";
                case INSUFFICIENT_PASSWORD_QUALITY -> "directory.refused.quality";
                case PASSWORD_MOD_NOT_ALLOWED, MUST_SUPPLY_OLD_PASSWORD -> "directory.refused.not-allowed";
                case PASSWORD_EXPIRED, ACCOUNT_LOCKED, CHANGE_AFTER_RESET -> "directory.refused.locked";
            });
        }
        return Optional.of(Refusals.of(result.getResultCode()));
    }
}
