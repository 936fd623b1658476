package dev.myaccount.settings;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

import dev.myaccount.audit.AuditLog;
import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.securityinfo.PasskeyList;
import dev.myaccount.securityinfo.SignInMethods;
import dev.myaccount.session.AccountSessions;
import dev.myaccount.signin.SignInLog;
import dev.myaccount.signin.SignedInPerson;

/**
 * The person's own data as JSON: profile, memberships, sign-in methods, sign-ins, devices and audit events.
 * Only what is theirs, and no secret: no password hash, no authenticator secret, no session id, no code.
 */
@Service
class DataExport {

    private final DirectoryService directory;
    private final SignInMethods methods;
    private final PasskeyList passkeys;
    private final SignInLog signIns;
    private final AccountSessions sessions;
    private final AuditLog audit;
    private final JsonMapper json;

    DataExport(DirectoryService directory, SignInMethods methods, PasskeyList passkeys, SignInLog signIns,
            AccountSessions sessions, AuditLog audit, JsonMapper json) {
        this.directory = directory;
        this.methods = methods;
        this.passkeys = passkeys;
        this.signIns = signIns;
        this.sessions = sessions;
        this.audit = audit;
        this.json = json;
    }

    byte[] of(SignedInPerson person) {
        Account account = directory.find(person.accountId()).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("upn", account.upn());
        profile.put("displayName", account.displayName());
        profile.put("givenName", account.givenName());
        profile.put("surname", account.surname());
        profile.put("passwordChangedAt", account.passwordChangedAt());
        profile.put("language", account.preferredLanguage());
        profile.put("timeZone", account.timeZone());
        data.put("profile", profile);
        data.put("organisations", directory.memberships(account.id()).stream()
                .map(m -> row("name", m.organisation().name(), "domain", m.organisation().domain(),
                        "role", m.role().name(), "home", m.home()))
                .toList());
        data.put("signInMethods", methods.of(account.id()).stream()
                .map(m -> row("kind", m.kind().slug(), "shown", m.shown(), "default", m.isDefault(),
                        "addedAt", m.createdAt(), "lastUsedAt", m.lastUsedAt()))
                .toList());
        data.put("passkeys", passkeys.of(account.upn()).stream()
                .map(p -> row("name", p.name(), "addedAt", p.createdAt(), "lastUsedAt", p.lastUsedAt()))
                .toList());
        data.put("signIns", signIns.all(account.id()).stream()
                .map(e -> row("at", e.at(), "outcome", e.outcome().name(), "door", e.door().name(),
                        "secondStep", e.secondFactor(), "clientAddress", e.clientAddress(), "browser", e.browser(),
                        "operatingSystem", e.operatingSystem(), "familiarDevice", e.familiarDevice(),
                        "review", e.review()))
                .toList());
        data.put("devices", sessions.devices(account.upn(), "").stream()
                .map(d -> row("browser", d.device().browser(), "operatingSystem", d.device().operatingSystem(),
                        "clientAddress", d.device().clientAddress(), "signedInAt", d.device().signedInAt(),
                        "lastActivity", d.lastActivity()))
                .toList());
        data.put("auditEvents", audit.of(account.id()).stream()
                .map(e -> row("at", e.at(), "type", e.type(), "clientAddress", e.clientAddress(),
                        "userAgent", e.userAgent(), "detail", e.detail()))
                .toList());
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(data);
    }

    /** A row of named values, in order, where a value may be null (which Map.of refuses). */
    private static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }
}
