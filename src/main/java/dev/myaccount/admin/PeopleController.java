package dev.myaccount.admin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Account;
import dev.myaccount.people.Actor;
import dev.myaccount.people.Outcome;
import dev.myaccount.people.People;
import dev.myaccount.people.PersonChanges;
import dev.myaccount.signin.SignedInPerson;

/**
 * The admin's People pages: the organisation's people, found by name or UPN; a person's details, recent
 * sign-ins and methods, with what an admin may do to them; Add person. A secret the portal makes (a
 * temporary password, a temporary access pass) is shown on the answer page once and never again.
 */
@Controller
@RequestMapping(AdminAccess.ROOT)
class PeopleController {

    private static final String PEOPLE = AdminAccess.ROOT + "/people";
    /** The lifetimes an admin chooses a temporary access pass from, as the form sends them. */
    private static final List<String> PASS_LIFETIMES = List.of("1h", "8h", "1d", "7d", "30d");
    /** What the person's page can say was just done, as the redirect after a change names it. */
    private static final List<String> DONE = List.of("renamed", "upnChanged", "disabled", "enabled", "unlocked",
            "signedOut", "passRevoked");

    private final People people;
    private final PersonChanges changes;
    private final PeopleListing listing;
    private final PersonDetails details;

    PeopleController(People people, PersonChanges changes, PeopleListing listing, PersonDetails details) {
        this.people = people;
        this.changes = changes;
        this.listing = listing;
        this.details = details;
    }

    @GetMapping
    String root() {
        return "redirect:" + PEOPLE;
    }

    @GetMapping("/people")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") String page,
            @AuthenticationPrincipal SignedInPerson admin, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("listing", listing.list(admin.asActor(), q, Paging.number(page)));
        return "admin/people";
    }

    @GetMapping("/people/new")
    String newPerson(@AuthenticationPrincipal SignedInPerson admin, Model model) {
        model.addAttribute("form", new NewPersonForm(null, null, null, null, null));
        return newPersonPage(admin, model);
    }

    @PostMapping("/people")
    String add(@ModelAttribute("form") NewPersonForm form, @AuthenticationPrincipal SignedInPerson admin, Model model,
            HttpServletRequest request) {
        Outcome outcome = people.add(admin.asActor(), form.upn(), form.displayName(), form.givenName(),
                form.surname(), form.firstCredential(), RequestOrigin.of(request));
        if (outcome.refusal() != null) {
            model.addAttribute("error", outcome.refusal());
            return newPersonPage(admin, model);
        }
        return secretPage(outcome, model);
    }

    @GetMapping("/people/{id}")
    String person(@PathVariable String id, @RequestParam(defaultValue = "") String done,
            @AuthenticationPrincipal SignedInPerson admin, Model model) {
        if (DONE.contains(done)) {
            model.addAttribute("done", done);
        }
        return personPage(admin, found(admin, id), null, model);
    }

    @PostMapping("/people/{id}/names")
    String rename(@PathVariable String id, @ModelAttribute NewPersonForm names,
            @AuthenticationPrincipal SignedInPerson admin, Model model, HttpServletRequest request) {
        return act(id, admin, model, request, (actor, person, origin) -> people.rename(actor, person,
                names.displayName(), names.givenName(), names.surname(), origin),
                "renamed");
    }

    @PostMapping("/people/{id}/upn")
    String changeUpn(@PathVariable String id, @RequestParam(defaultValue = "") String upn,
            @AuthenticationPrincipal SignedInPerson admin, Model model, HttpServletRequest request) {
        model.addAttribute("typedUpn", upn);
        return act(id, admin, model, request, (actor, person, origin) -> changes.changeUpn(actor, person, upn, origin),
                "upnChanged");
    }

    @PostMapping("/people/{id}/reset-password")
    String resetPassword(@PathVariable String id, @AuthenticationPrincipal SignedInPerson admin, Model model,
            HttpServletRequest request) {
        return act(id, admin, model, request, people::resetPassword, null);
    }

    @PostMapping("/people/{id}/disable")
    String disable(@PathVariable String id, @AuthenticationPrincipal SignedInPerson admin, Model model,
            HttpServletRequest request) {
        return act(id, admin, model, request, changes::disable, "disabled");
    }

    @PostMapping("/people/{id}/delete")
    String delete(@PathVariable String id, @RequestParam(defaultValue = "false") boolean confirm,
            @AuthenticationPrincipal SignedInPerson admin, Model model, HttpServletRequest request,
            RedirectAttributes redirect) {
        Account person = found(admin, id);
        if (!confirm) {
            return personPage(admin, person, "admin.person.error.deleteUnconfirmed", model);
        }
        Outcome outcome = changes.delete(admin.asActor(), person, RequestOrigin.of(request));
        if (Outcome.GONE.equals(outcome.refusal())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (outcome.refusal() != null) {
            return personPage(admin, person, outcome.refusal(), model);
        }
        redirect.addFlashAttribute("deleted", person.upn());
        return "redirect:" + PEOPLE;
    }

    @PostMapping("/people/{id}/enable")
    String enable(@PathVariable String id, @AuthenticationPrincipal SignedInPerson admin, Model model,
            HttpServletRequest request) {
        return act(id, admin, model, request, people::enable, "enabled");
    }

    @PostMapping("/people/{id}/unlock")
    String unlock(@PathVariable String id, @AuthenticationPrincipal SignedInPerson admin, Model model,
            HttpServletRequest request) {
        return act(id, admin, model, request, people::unlock, "unlocked");
    }

    @PostMapping("/people/{id}/sign-out")
    String signOut(@PathVariable String id, @AuthenticationPrincipal SignedInPerson admin, Model model,
            HttpServletRequest request) {
        return act(id, admin, model, request, listing::signOutEverywhere, "signedOut");
    }

    @PostMapping("/people/{id}/access-pass")
    String issuePass(@PathVariable String id, @RequestParam(defaultValue = "") String lifetime,
            @RequestParam(defaultValue = "false") boolean multiUse, @AuthenticationPrincipal SignedInPerson admin,
            Model model, HttpServletRequest request) {
        Duration chosen = PASS_LIFETIMES.contains(lifetime) ? DurationStyle.detectAndParse(lifetime) : Duration.ZERO;
        return act(id, admin, model, request,
                (actor, person, origin) -> people.issuePass(actor, person, chosen, !multiUse, origin), null);
    }

    @PostMapping("/people/{id}/access-pass/revoke")
    String revokePass(@PathVariable String id, @AuthenticationPrincipal SignedInPerson admin, Model model,
            HttpServletRequest request) {
        return act(id, admin, model, request, people::revokePass, "passRevoked");
    }

    /** A change an admin makes to a person. */
    @FunctionalInterface
    private interface AdminAction {
        Outcome apply(Actor actor, Account person, RequestOrigin origin);
    }

    /**
     * Does {@code action} to the person of the admin's organisation: the page with a secret it made, the person's
     * page with a word of what was done, or with why not.
     */
    private String act(String id, SignedInPerson admin, Model model, HttpServletRequest request,
            AdminAction action, String done) {
        Account person = found(admin, id);
        Outcome outcome = action.apply(admin.asActor(), person, RequestOrigin.of(request));
        if (outcome.refusal() != null) {
            return personPage(admin, found(admin, id), outcome.refusal(), model);
        }
        if (outcome.secret().isPresent()) {
            return secretPage(outcome, model);
        }
        return "redirect:" + PEOPLE + "/" + person.id() + "?done=" + done;
    }

    private String personPage(SignedInPerson admin, Account person, String error, Model model) {
        model.addAttribute("subject", person);
        model.addAttribute("self", person.id().equals(admin.accountId()));
        details.addTo(model, person);
        model.addAttribute("lifetimes", PASS_LIFETIMES);
        model.addAttribute("domain", people.organisation(admin.asActor()).domain());
        model.addAttribute("error", error);
        return "admin/person";
    }

    private String newPersonPage(SignedInPerson admin, Model model) {
        model.addAttribute("domain", people.organisation(admin.asActor()).domain());
        return "admin/new-person";
    }

    private static String secretPage(Outcome outcome, Model model) {
        model.addAttribute("secret", outcome.secret().orElseThrow());
        return "admin/secret";
    }

    /** The person of the admin's organisation with this id; 404 for any other id, well-formed or not. */
    private Account found(SignedInPerson admin, String id) {
        Optional<UUID> parsed;
        try {
            parsed = Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            parsed = Optional.empty();
        }
        return parsed.flatMap(uuid -> people.find(admin.asActor(), uuid))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
