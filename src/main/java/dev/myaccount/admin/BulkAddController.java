package dev.myaccount.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

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
import org.springframework.web.multipart.MultipartFile;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.signin.SignedInPerson;

/** Add people from a CSV file in the columns of Entra's bulk-create template, with a report of every row. */
@Controller
@RequestMapping(BulkAddController.PAGE)
class BulkAddController {

    static final String PAGE = AdminAccess.ROOT + "/people/bulk";
    /** Entra's template: its version line, its columns, and one example row of the organisation's domain. */
    private static final String TEMPLATE = """
            version:v1.0
            Name [displayName] Required,User name [userPrincipalName] Required,Initial password [passwordProfile] \
            Required,Block sign in (Yes/No) [accountEnabled] Required,First name [givenName],Last name [surname],\
            Job title [jobTitle],Department [department],Usage location [usageLocation],Street address [streetAddress],\
            State or province [state],Country or region [country],Office [physicalDeliveryOfficeName],City [city],\
            ZIP or postal code [postalCode],Office phone [telephoneNumber],Mobile phone [mobile]
            Chris Green,chris.green@%s,,No,Chris,Green,,,,,,,,,,,
            """;

    private final BulkAdd bulk;
    private final PeopleAdministration people;

    BulkAddController(BulkAdd bulk, PeopleAdministration people) {
        this.bulk = bulk;
        this.people = people;
    }

    @GetMapping
    String page(@AuthenticationPrincipal SignedInPerson admin, Model model) {
        return page(admin, null, model);
    }

    @GetMapping("/template.csv")
    ResponseEntity<byte[]> template(@AuthenticationPrincipal SignedInPerson admin) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("people-template.csv").build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(TEMPLATE.formatted(people.organisation(Actor.of(admin)).domain())
                        .getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping
    String add(@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal SignedInPerson admin,
            Model model, Locale language, HttpServletRequest request) throws IOException {
        BulkAdd.Report report = file == null ? BulkAdd.Report.refusedFile("admin.bulk.error.empty", null)
                : bulk.add(Actor.of(admin), file.getBytes(), language, RequestOrigin.of(request));
        return page(admin, report, model);
    }

    private String page(SignedInPerson admin, BulkAdd.Report report, Model model) {
        model.addAttribute("domain", people.organisation(Actor.of(admin)).domain());
        model.addAttribute("report", report);
        model.addAttribute("mostRows", BulkAdd.MOST_ROWS);
        return "admin/bulk-add";
    }
}
