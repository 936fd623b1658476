package dev.myaccount.admin;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.people.Outcome;
import dev.myaccount.signin.SignedInPerson;

/** The operator's page of organisations: the list, and a new one with its first admin; a 404 for anyone else. */
@Controller
@RequestMapping(OrganisationsController.PAGE)
class OrganisationsController {

    static final String PAGE = AdminAccess.ROOT + "/organisations";

    private final Organisations organisations;

    OrganisationsController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    String page(@AuthenticationPrincipal SignedInPerson operator, Model model) {
        return page(operator, "", "", "", "", null, null, model);
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String domain,
            @RequestParam(defaultValue = "") String upn, @RequestParam(defaultValue = "") String displayName,
            @AuthenticationPrincipal SignedInPerson operator, Model model, HttpServletRequest request) {
        checkOperator(operator);
        Outcome outcome = organisations.add(operator.asActor(), name, domain, upn, displayName,
                RequestOrigin.of(request));
        if (outcome.refusal() != null) {
            return page(operator, name, domain, upn, displayName, outcome.refusal(), null, model);
        }
        return page(operator, "", "", "", "", null, outcome.secret().orElseThrow(), model);
    }

    private String page(SignedInPerson operator, String name, String domain, String upn, String displayName,
            String error, Outcome.Secret created, Model model) {
        checkOperator(operator);
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("name", name);
        model.addAttribute("domain", domain);
        model.addAttribute("upn", upn);
        model.addAttribute("displayName", displayName);
        model.addAttribute("error", error);
        model.addAttribute("created", created);
        return "admin/organisations";
    }

    private void checkOperator(SignedInPerson person) {
        if (!organisations.operatedBy(person.upn())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
