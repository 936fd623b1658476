package dev.myaccount.settings;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.myaccount.audit.AuditEvent;
import dev.myaccount.audit.AuditEventType;
import dev.myaccount.audit.AuditLog;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.OrganisationProfile;
import dev.myaccount.signin.SignedInPerson;
import dev.myaccount.web.PersonalSettings;
import dev.myaccount.web.PortalProperties;

/**
 * Settings and Privacy: the person's language and time zone (kept with their account, used on every page and
 * in their email from then on, in every browser), their organisation's privacy statement and contact, and
 * a download of everything the portal keeps about them.
 */
@Controller
@RequestMapping(SettingsController.PAGE)
class SettingsController {

    static final String PAGE = "/settings";
    static final List<String> LANGUAGES = List.of("en", "nl");
    private static final Pattern PLACES =
            Pattern.compile("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+");
    /** Zones of places (Europe/Amsterdam), not of offsets or legacy names, and UTC. */
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> PLACES.matcher(zone).matches() || zone.equals("UTC")).sorted().toList();

    private final DirectoryService directory;
    private final DataExport export;
    private final AuditLog audit;
    private final PortalProperties portal;

    SettingsController(DirectoryService directory, DataExport export, AuditLog audit, PortalProperties portal) {
        this.directory = directory;
        this.export = export;
        this.audit = audit;
        this.portal = portal;
    }

    @GetMapping
    String page(@AuthenticationPrincipal SignedInPerson person, Model model, Locale language,
            HttpServletRequest request) {
        Account account = directory.find(person.accountId()).orElseThrow();
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("zones", ZONES);
        model.addAttribute("language", account.preferredLanguage() == null ? language.getLanguage()
                : account.preferredLanguage());
        model.addAttribute("timeZone", PersonalSettings.zone(request, portal.timeZone()).getId());
        model.addAttribute("profile", directory.profile(person.organisationId())
                .orElse(new OrganisationProfile(null, null)));
        return "settings/page";
    }

    @PostMapping
    String save(@RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String timeZone,
            @AuthenticationPrincipal SignedInPerson person, HttpServletRequest request) {
        if (!LANGUAGES.contains(language) || !Set.copyOf(ZONES).contains(timeZone)) {
            return "redirect:" + PAGE + "?invalid";
        }
        directory.setPersonalSettings(person.accountId(), language, timeZone);
        PersonalSettings.keep(request.getSession(), language, timeZone);
        return "redirect:" + PAGE + "?saved";
    }

    /**
     * The language switch in the header of every signed-in page: a form with its token, so that only the person,
     * never a link from another site, changes the language kept for their email and their next browser. Back to
     * the page it was sent from, when that is one of the portal's paths.
     */
    @PostMapping("/language")
    String language(@RequestParam(defaultValue = "") String lang, @RequestParam(defaultValue = "/") String back,
            @AuthenticationPrincipal SignedInPerson person, HttpServletRequest request) {
        if (LANGUAGES.contains(lang)) {
            Account account = directory.find(person.accountId()).orElseThrow();
            directory.setPersonalSettings(account.id(), lang, account.timeZone());
            PersonalSettings.keep(request.getSession(), lang, account.timeZone());
        }
        return "redirect:" + (back.matches("/(?![/\\\\])[A-Za-z0-9/_.-]*") ? back : "/");
    }

    /** Everything the portal keeps about the person, as a JSON file; audited, since it is a copy of their data. */
    @GetMapping("/my-data")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal SignedInPerson person, HttpServletRequest request) {
        audit.record(AuditEvent.of(AuditEventType.DATA_DOWNLOADED, person.organisationId(), person.accountId(),
                RequestOrigin.of(request)));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("my-account-data.json").build().toString())
                .body(export.of(person));
    }
}
