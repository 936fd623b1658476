package dev.myaccount.directory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;

/**
 * Active Directory (and Samba's): passwords written to {@code unicodePwd} (the password in quotes, UTF-16LE) over an
 * encrypted connection, as the person by removing the old and adding the new (so that AD checks history and age), as
 * the service account by replacing it; {@code lockoutTime} set to 0 lifts a lockout. A person's stable id is
 * {@code objectGUID}.
 */
final class ActiveDirectory implements Dialect {

    private static final Instant WINDOWS_EPOCH = Instant.parse("1601-01-01T00:00:00Z");
    /** AD's extended error in a refused change's message: 52D is its password policy (length, complexity, history, age). */
    private static final String POLICY_ERROR = "0000052D";

    @Override
    public String[] statusAttributes() {
        return new String[] {"objectGUID", "uSNChanged", "pwdLastSet"};
    }

    @Override
    public String changedAt(SearchResultEntry entry) {
        return entry.getAttributeValue("uSNChanged");
    }

    /** Update sequence numbers of one domain controller, as numbers. */
    @Override
    public String later(String one, String other) {
        return one == null ? other : other == null || Long.parseLong(one) >= Long.parseLong(other) ? one : other;
    }

    @Override
    public String changedSince(String cursor) {
        return Filter.createGreaterOrEqualFilter("uSNChanged", cursor).toString();
    }

    /** {@code pwdLastSet}: 100-nanosecond intervals since 1601; 0 when the person must set one at next sign-in. */
    @Override
    public Instant passwordChangedAt(SearchResultEntry entry) {
        Long set = entry.getAttributeValueAsLong("pwdLastSet");
        return set == null || set <= 0 ? null : WINDOWS_EPOCH.plus(set / 10, ChronoUnit.MICROS);
    }

    @Override
    public String stableId(SearchResultEntry entry) {
        byte[] guid = entry.getAttributeValueBytes("objectGUID");
        if (guid == null || guid.length != 16) {
            return null;
        }
        // The first three fields of a GUID are little-endian in AD's bytes.
        ByteBuffer bytes = ByteBuffer.wrap(guid);
        long high = ((long) bytes.order(ByteOrder.LITTLE_ENDIAN).getInt(0) << 32)
                | ((long) (bytes.getShort(4) & 0xFFFF) << 16) | (bytes.getShort(6) & 0xFFFF);
        long low = bytes.order(ByteOrder.BIG_ENDIAN).getLong(8);
        return new UUID(high, low).toString();
    }

    @Override
    public Optional<String> change(LDAPConnection asPerson, String dn, String current, String password)
            throws LDAPException {
        return written(() -> asPerson.modify(dn,
                new Modification(ModificationType.DELETE, "unicodePwd", quoted(current)),
                new Modification(ModificationType.ADD, "unicodePwd", quoted(password))));
    }

    @Override
    public Optional<String> reset(LDAPConnectionPool asService, String dn, String password) throws LDAPException {
        return written(() -> asService.modify(dn,
                new Modification(ModificationType.REPLACE, "unicodePwd", quoted(password)),
                new Modification(ModificationType.REPLACE, "lockoutTime", "0")));
    }

    @Override
    public void unlock(LDAPConnectionPool asService, String dn) throws LDAPException {
        asService.modify(dn, new Modification(ModificationType.REPLACE, "lockoutTime", "0"));
    }

    private interface Write {
        LDAPResult run() throws LDAPException;
    }

    private static Optional<String> written(Write write) throws LDAPException {
        try {
            write.run();
            return Optional.empty();
        } catch (LDAPException refused) {
            if (DirectoryConnections.unreachable(refused)) {
                throw refused;
            }
            String message = refused.getDiagnosticMessage();
            if (refused.getResultCode() == ResultCode.CONSTRAINT_VIOLATION && message != null
                    && message.contains(POLICY_ERROR)) {
                return Optional.of("directory.refused.policy");
            }
            return Optional.of(Refusals.of(refused.getResultCode()));
        }
    }

    private static byte[] quoted(String password) {
        return ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE);
    }
}
