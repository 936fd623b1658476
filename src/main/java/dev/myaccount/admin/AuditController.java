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
import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
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
        List<AuditLog.OrganisationEntry> entries = audit.of(filter(admin, query, request), query.page() * PAGE_SIZE,
                PAGE_SIZE + 1);
        model.addAttribute("query", query);
        model.addAttribute("kinds", Arrays.stream(AuditEventType.values()).map(AuditEventType::storedName).toList());
        model.addAttribute("unknownPerson", entries.isEmpty() && !query.person().isEmpty());
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
        AuditLog.Filter filter = filter(admin, new Query(person.strip(), kind, from, until, 0), request);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        out.print(csvLine(Stream.of("time", "event", "person", "person's name", "by", "by name", "client address",
                "user agent", "detail")));
        for (AuditLog.OrganisationEntry entry : audit.of(filter, 0, MOST_EXPORTED)) {
            out.print(csvLine(Stream.of(entry.at().toString(), entry.type(), entry.upn(), entry.name(),
                    entry.actorUpn(), entry.actorName(), entry.clientAddress(), entry.userAgent(), entry.detail())));
        }
    }

    /** The filter for the query: a person by the UPN they had then, or by the account that has it now. */
    private AuditLog.Filter filter(SignedInPerson admin, Query query, HttpServletRequest request) {
        String upn = query.person().isEmpty() ? null : DirectoryService.trackable(query.person());
        UUID account = upn == null ? null : directory.findByUpn(upn)
                .filter(a -> a.organisationId().equals(admin.organisationId())).map(Account::id).orElse(null);
        AuditEventType type = Arrays.stream(AuditEventType.values())
                .filter(t -> t.storedName().equals(query.kind())).findFirst().orElse(null);
        ZoneId zone = PersonalSettings.zone(request, portal.timeZone());
        return new AuditLog.Filter(admin.organisationId(), upn, account, type, day(query.from(), zone, 0),
                day(query.until(), zone, 1));
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
