package dev.myaccount.scim;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Actor;
import dev.myaccount.scim.ScimTokens;

/** An organisation's SCIM clients: their tokens, made and revoked by its admins or from the command line, audited. */
@Service
public class ScimClients {

    /** A token just made, or the message key of why not. */
    public record Created(ScimTokens.Issued issued, String refusal) {
    }

    private final ScimTokens tokens;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    ScimClients(ScimTokens tokens, AuditLog audit, TransactionTemplate transaction) {
        this.tokens = tokens;
        this.audit = audit;
        this.transaction = transaction;
    }

    public List<ScimTokens.Listed> tokens(Actor admin) {
        return tokens.of(admin.organisationId());
    }

    public Created createToken(Actor admin, String name, RequestOrigin origin) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > ScimTokens.LONGEST_NAME
                || stripped.codePoints().anyMatch(Character::isISOControl)) {
            return new Created(null, "admin.provisioning.error.name");
        }
        return new Created(transaction.execute(status -> {
            ScimTokens.Issued issued = tokens.create(admin.organisationId(), stripped, admin.name());
            audit.record(new AuditEvent(AuditEventType.SCIM_TOKEN_CREATED, admin.organisationId(), null, origin,
                    stripped, admin.accountId()));
            return issued;
        }), null);
    }

    /** Revokes one of the organisation's tokens; false when it has no such live token. */
    public boolean revokeToken(Actor admin, UUID id, RequestOrigin origin) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!tokens.revoke(admin.organisationId(), id)) {
                return false;
            }
            audit.record(new AuditEvent(AuditEventType.SCIM_TOKEN_REVOKED, admin.organisationId(), null, origin,
                    id.toString(), admin.accountId()));
            return true;
        }));
    }
}
