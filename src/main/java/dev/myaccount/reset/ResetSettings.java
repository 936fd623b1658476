package dev.myaccount.reset;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.Organisation;
import dev.myaccount.securityinfo.MethodKind;

/**
 * What reset allows in an organisation. It is looked up by the domain of the UPN typed, so a UPN that
 * matches no account gets the same rules, and the same pages, as the accounts of its domain.
 */
@Service
public class ResetSettings {

    /** The rules of one organisation (or the defaults), in the order the pages offer the kinds. */
    public record Rules(boolean enabled, int methodsRequired, List<MethodKind> kinds) {
    }

    private static final List<MethodKind> ORDER = List.of(MethodKind.EMAIL, MethodKind.PHONE, MethodKind.AUTHENTICATOR,
            MethodKind.PASSKEY);

    private final JdbcClient jdbc;
    private final DirectoryService directory;
    private final ResetProperties defaults;

    ResetSettings(JdbcClient jdbc, DirectoryService directory, ResetProperties defaults) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.defaults = defaults;
    }

    /** The rules for the organisation of the UPN's domain; the defaults for a domain of no organisation. */
    public Rules forUpn(String upn) {
        String domain = upn.substring(upn.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
        return directory.findOrganisationByDomain(domain).map(Organisation::id).map(this::of).orElse(fallback());
    }

    public Rules of(UUID organisationId) {
        record Row(Boolean enabled, Integer methodsRequired, String kinds) {
        }
        Optional<Row> row = jdbc.sql("""
                select enabled, methods_required, kinds from organisation_reset_settings where organisation_id = ?""")
                .param(organisationId)
                .query((rs, n) -> new Row((Boolean) rs.getObject("enabled"), (Integer) rs.getObject("methods_required"),
                        rs.getString("kinds")))
                .optional();
        Rules fallback = fallback();
        return row.map(found -> new Rules(found.enabled() == null ? fallback.enabled() : found.enabled(),
                found.methodsRequired() == null ? fallback.methodsRequired() : found.methodsRequired(),
                found.kinds() == null ? fallback.kinds() : ordered(Arrays.stream(found.kinds().split(","))
                        .map(String::strip).filter(kind -> !kind.isEmpty()).map(MethodKind::valueOf)
                        .collect(Collectors.toSet()))))
                .orElse(fallback);
    }

    /** Sets the organisation's own rules (the admin's Sign-in and reset page); no kinds is stored as none. */
    public void set(UUID organisationId, boolean enabled, int methodsRequired, Set<MethodKind> kinds) {
        jdbc.sql("insert into organisation_reset_settings (organisation_id) values (?) on conflict do nothing")
                .param(organisationId).update();
        jdbc.sql("""
                update organisation_reset_settings set enabled = ?, methods_required = ?, kinds = ?
                where organisation_id = ?""")
                .params(enabled, methodsRequired, ordered(kinds).stream().map(Enum::name)
                        .collect(Collectors.joining(",")), organisationId)
                .update();
    }

    private Rules fallback() {
        return new Rules(defaults.enabled(), defaults.methodsRequired(), ordered(defaults.kinds()));
    }

    private static List<MethodKind> ordered(Set<MethodKind> kinds) {
        Set<MethodKind> chosen = kinds.isEmpty() ? EnumSet.noneOf(MethodKind.class) : EnumSet.copyOf(kinds);
        return ORDER.stream().filter(chosen::contains).toList();
    }
}
