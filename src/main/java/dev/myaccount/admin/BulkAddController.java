package dev.myaccount.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.People;
import dev.myaccount.signin.SignedInPerson;

/**
 * Add people from a CSV file in the columns of Entra's bulk-create template: a file read whole starts a job, whose
 * page shows its progress (and reloads itself while it runs, without script) and then the report of every row.
 */
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
    private final BulkAddJobs jobs;
    private final People people;

    BulkAddController(BulkAdd bulk, BulkAddJobs jobs, People people) {
        this.bulk = bulk;
        this.jobs = jobs;
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
                .body(TEMPLATE.formatted(people.organisation(admin.asActor()).domain())
                        .getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping
    String add(@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal SignedInPerson admin,
            Model model, Locale language, HttpServletRequest request) throws IOException {
        BulkAdd.Parsed parsed = file == null ? BulkAdd.Parsed.refused("admin.bulk.error.empty", null)
                : bulk.parse(file.getBytes());
        if (parsed.fileRefusal() != null) {
            return page(admin, parsed, model);
        }
        UUID job = jobs.start(admin.asActor(), parsed.rows(), language, RequestOrigin.of(request));
        return "redirect:" + PAGE + "/" + job;
    }

    /** A job's progress while it runs, then its report; a job of another organisation is a page that does not exist. */
    @GetMapping("/{id}")
    String job(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson admin, Model model) {
        BulkAddJobs.Job job = jobs.find(admin.asActor(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<BulkAdd.Outcome> outcomes = jobs.outcomes(id);
        model.addAttribute("job", job);
        // The page reloads itself while the job runs, so that it follows the job without any script.
        model.addAttribute("following", !job.finished() && !job.stopped());
        model.addAttribute("added", outcomes.stream().filter(outcome -> outcome.refusal() == null).toList());
        model.addAttribute("refused", outcomes.stream().filter(outcome -> outcome.refusal() != null).toList());
        return "admin/bulk-job";
    }

    private String page(SignedInPerson admin, BulkAdd.Parsed refused, Model model) {
        model.addAttribute("domain", people.organisation(admin.asActor()).domain());
        model.addAttribute("refused", refused);
        model.addAttribute("mostRows", BulkAdd.MOST_ROWS);
        model.addAttribute("jobs", jobs.recent(admin.asActor()));
        return "admin/bulk-add";
    }
}
