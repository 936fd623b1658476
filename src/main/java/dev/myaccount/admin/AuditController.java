package dev.myaccount.admin;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.directory.Account;
import dev.myaccount.directory.DirectoryService;
import dev.myaccount.signin.SignedInPerson;
import dev.myaccount.web.PersonalSettings;
import dev.myaccount.web.PortalProperties;

/**
 * The admin's Audit log: the organisation's events, newest first, by person, kind and days, 50 a page, and
 * the same as a CSV file. Days are the admin's own (their time zone).
 */
@Controller
@RequestMapping(AuditController.PAGE)
class AuditController {

    static final String PAGE = AdminAccess.ROOT + "/audit";
    private static final int PAGE_SIZE = 50;
    private static final int MOST_EXPORTED = 100_000;

    /** The filter as the form sends it, each part optional. */
    record Query(String person, String kind, String from, String until, int page) {
    }

    private final AuditLog audit;
    private final DirectoryService directory;
    private final PortalProperties portal;

    AuditController(AuditLog audit, DirectoryService directory, PortalProperties portal) {
        this.audit = audit;
        this.directory = directory;
        this.portal = portal;
    }

    @GetMapping
    String page(@RequestParam(defaultValue = "") String person, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String until,
            @RequestParam(defaultValue = "0") String page, @AuthenticationPrincipal SignedInPerson admin,
            Model model, HttpServletRequest request) {
        Query query = new Query(person.strip(), kind, from, until, Paging.number(page));
        Optional<AuditLog.Filter> filter = filter(admin, query, request);
        List<AuditLog.OrganisationEntry> entries = filter
                .map(f -> audit.of(f, query.page() * PAGE_SIZE, PAGE_SIZE + 1)).orElse(List.of());
        model.addAttribute("query", query);
        model.addAttribute("kinds", Arrays.stream(AuditEventType.values()).map(AuditEventType::storedName).toList());
        model.addAttribute("unknownPerson", filter.isEmpty());
        model.addAttribute("entries", entries.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("hasNext", entries.size() > PAGE_SIZE);
        model.addAttribute("exportQuery", request.getQueryString() == null ? "" : request.getQueryString());
        return "admin/audit";
    }

    /** The events the page's filter finds, as CSV (UTF-8, comma-separated, RFC 4180 quoting). */
    @GetMapping("/export")
    void export(@RequestParam(defaultValue = "") String person, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String until,
            @AuthenticationPrincipal SignedInPerson admin, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<AuditLog.Filter> filter = filter(admin, new Query(person.strip(), kind, from, until, 0), request);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        out.print(csvLine(Stream.of("time", "event", "person", "by admin", "client address", "user agent",
                "detail")));
        for (AuditLog.OrganisationEntry entry : filter.map(f -> audit.of(f, 0, MOST_EXPORTED)).orElse(List.of())) {
            out.print(csvLine(Stream.of(entry.at().toString(), entry.type(), entry.upn(), entry.actorUpn(),
                    entry.clientAddress(), entry.userAgent(), entry.detail())));
        }
    }

    /** The filter for the query; empty when it names a person the organisation does not have. */
    private Optional<AuditLog.Filter> filter(SignedInPerson admin, Query query, HttpServletRequest request) {
        UUID account = null;
        if (!query.person().isEmpty()) {
            Optional<Account> found = directory.findByUpn(DirectoryService.trackable(query.person()))
                    .filter(a -> a.organisationId().equals(admin.organisationId()));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            account = found.get().id();
        }
        AuditEventType type = Arrays.stream(AuditEventType.values())
                .filter(t -> t.storedName().equals(query.kind())).findFirst().orElse(null);
        ZoneId zone = PersonalSettings.zone(request, portal.timeZone());
        return Optional.of(new AuditLog.Filter(admin.organisationId(), account, type, day(query.from(), zone, 0),
                day(query.until(), zone, 1)));
    }

    /** The start of the day typed (yyyy-mm-dd), {@code plusDays} later, in the admin's zone; null when none. */
    private static Instant day(String typed, ZoneId zone, int plusDays) {
        try {
            return typed.isBlank() ? null : LocalDate.parse(typed.strip()).plusDays(plusDays).atStartOfDay(zone)
                    .toInstant();
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }

    /**
     * One CSV line; a field a spreadsheet would take for a formula (=, +, -, @ first) gets a leading apostrophe,
     * so that an attacker's user agent cannot run in the admin's spreadsheet.
     */
    private static String csvLine(Stream<String> fields) {
        return fields.map(field -> field == null ? "" : field)
                .map(field -> !field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0 ? "'" + field : field)
                .map(field -> "\"" + field.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(",", "", "\r\n"));
    }
}
