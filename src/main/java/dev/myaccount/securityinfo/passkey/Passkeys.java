package dev.myaccount.securityinfo.passkey;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.PersonChanged;
import dev.myaccount.securityinfo.MethodKind;
import dev.myaccount.securityinfo.PasskeyList;
import dev.myaccount.securityinfo.SecurityNotices;
import dev.myaccount.signin.SignedInPerson;

/**
 * A person's passkeys: Spring Security's credential store, with an audit event when the registration
 * endpoint saves a new one, and the list, rename and delete of Security info, each only of the person's own.
 */
public class Passkeys implements UserCredentialRepository, PasskeyList {

    private static final int LONGEST_NAME = 64;

    private final UserCredentialRepository store;
    private final PublicKeyCredentialUserEntityRepository holders;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final String rpId;
    /** The notices hear of a new passkey by an event: they read the person's sign-in methods, which ask for passkeys. */
    private final ApplicationEventPublisher events;

    Passkeys(UserCredentialRepository store, PublicKeyCredentialUserEntityRepository holders, AuditLog audit,
            JdbcClient jdbc, String rpId, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.rpId = rpId;
        this.store = store;
        this.holders = holders;
        this.audit = audit;
    }

    @Override
    public List<Passkey> of(String upn) {
        return holder(upn).map(Holder::passkeys).orElse(List.of());
    }

    @Override
    public Optional<Holder> holder(String upn) {
        return Optional.ofNullable(holders.findByUsername(upn)).map(holder -> new Holder(rpId,
                holder.getId().toBase64UrlString(), store.findByUserId(holder.getId()).stream()
                        .sorted(Comparator.comparing(CredentialRecord::getCreated))
                        .map(record -> new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(),
                                record.getCreated(), record.getLastUsed()))
                        .toList()));
    }

    @Override
    public boolean any(String upn) {
        return jdbc.sql("""
                select count(*) from user_credentials c join user_entities e on e.id = c.user_entity_user_id
                where e.name = ?""").param(upn).query(Integer.class).single() > 0;
    }

    public Optional<Passkey> find(String upn, String id) {
        return of(upn).stream().filter(passkey -> passkey.id().equals(id)).findFirst();
    }

    /**
     * Renames one of the person's passkeys; false when it is not theirs, or the name is empty, too long or has
     * control characters.
     */
    public boolean rename(String upn, String id, String name) {
        String clean = name == null ? "" : name.strip();
        Optional<CredentialRecord> record = own(upn, id);
        if (record.isEmpty() || clean.isEmpty() || clean.length() > LONGEST_NAME
                || clean.codePoints().anyMatch(Character::isISOControl)) {
            return false;
        }
        store.save(ImmutableCredentialRecord.fromCredentialRecord(record.get()).label(clean).build());
        return true;
    }

    /**
     * Removes every passkey of a person whose account is deleted, in the deletion's transaction: they are kept by
     * UPN, and would otherwise sign in a new account that is given the same UPN.
     */
    @EventListener
    void forget(PersonChanged.Deleted deletion) {
        Optional.ofNullable(holders.findByUsername(deletion.upn())).ifPresent(holder -> holders.delete(holder.getId()));
    }

    /** Keeps a person's passkeys theirs when their UPN changes, in the change's transaction. */
    @EventListener
    void moved(PersonChanged.UpnChanged change) {
        jdbc.sql("update user_entities set name = ? where name = ?").params(change.newUpn(), change.upn()).update();
    }

    public boolean remove(String upn, String id) {
        Optional<CredentialRecord> record = own(upn, id);
        record.ifPresent(found -> delete(found.getCredentialId()));
        return record.isPresent();
    }

    @Override
    public void save(CredentialRecord record) {
        boolean added = store.findByCredentialId(record.getCredentialId()) == null;
        store.save(ImmutableCredentialRecord.fromCredentialRecord(record).label(shown(record.getLabel())).build());
        if (added) {
            audited(AuditEventType.SIGN_IN_METHOD_ADDED);
            signedIn().ifPresent(person -> events.publishEvent(
                    new SecurityNotices.MethodAdded(person.accountId(), MethodKind.PASSKEY, null)));
        }
    }

    @Override
    public void delete(Bytes credentialId) {
        store.delete(credentialId);
        audited(AuditEventType.SIGN_IN_METHOD_DELETED);
    }

    /**
     * A name as Spring's registration endpoint passes it on, made one that pages can show: a control character
     * becomes U+FFFD (so that something odd shows as odd), and it is cut to the longest name.
     */
    static String shown(String label) {
        String visible = label.codePoints().map(c -> Character.isISOControl(c) ? 0xFFFD : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return visible.codePointCount(0, visible.length()) <= LONGEST_NAME ? visible
                : visible.substring(0, visible.offsetByCodePoints(0, LONGEST_NAME));
    }

    /** The event for the signed-in person whose request this is (Spring's endpoints call in with one). */
    private void audited(AuditEventType type) {
        Optional<SignedInPerson> person = signedIn();
        if (person.isPresent()
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            audit.record(new AuditEvent(type, person.get().organisationId(), person.get().accountId(),
                    RequestOrigin.of(request.getRequest()), MethodKind.PASSKEY.slug()));
        }
    }

    private static Optional<SignedInPerson> signedIn() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current != null && current.getPrincipal() instanceof SignedInPerson person ? Optional.of(person)
                : Optional.empty();
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return store.findByCredentialId(credentialId);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return store.findByUserId(userId);
    }

    private List<CredentialRecord> records(String upn) {
        PublicKeyCredentialUserEntity holder = holders.findByUsername(upn);
        return holder == null ? List.of() : store.findByUserId(holder.getId());
    }

    private Optional<CredentialRecord> own(String upn, String id) {
        return records(upn).stream().filter(record -> record.getCredentialId().toBase64UrlString().equals(id))
                .findFirst();
    }
}
