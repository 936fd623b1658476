package dev.myaccount.admin;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import dev.myaccount.apps.Apps;
import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.signin.SignedInPerson;
import dev.myaccount.web.PublicAddress;

/**
 * The admin's Apps page: the organisation's apps that sign its people in through the portal (OpenID Connect), with
 * the issuer to give them; register one (its secret shown once), give one a new secret, turn one off or on, delete
 * one. Another organisation's app is a page that does not exist.
 */
@Controller
@RequestMapping(AppsAdminController.PAGE)
class AppsAdminController {

    static final String PAGE = AdminAccess.ROOT + "/apps";

    private final Apps apps;
    private final String issuer;

    AppsAdminController(Apps apps, PublicAddress portal) {
        this.apps = apps;
        this.issuer = portal.url();
    }

    /** A client id and secret to show once: of an app just registered, or a new secret. */
    record Shown(String clientId, String secret) {
    }

    @GetMapping
    String page(@RequestParam(required = false) String done, @AuthenticationPrincipal SignedInPerson admin,
            Model model) {
        model.addAttribute("done", done);
        return page(admin, null, null, model);
    }

    @PostMapping
    String register(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String redirectUri,
            @RequestParam(defaultValue = "") String logoutUri,
            @RequestParam(defaultValue = "false") boolean publicClient,
            @RequestParam(defaultValue = "false") boolean consent, @AuthenticationPrincipal SignedInPerson admin,
            Model model, HttpServletRequest request) {
        Apps.Created created = apps.create(admin.asActor(), new Apps.NewApp(name, redirectUri.strip(), publicClient,
                consent, logoutUri.isBlank() ? null : logoutUri.strip()), RequestOrigin.of(request));
        if (created.refusal() != null) {
            model.addAttribute("form", new Apps.NewApp(name, redirectUri, publicClient, consent, logoutUri));
            return page(admin, null, created.refusal(), model);
        }
        return page(admin, new Shown(created.app().clientId(), created.secret()), null, model);
    }

    @PostMapping("/{clientId}/rotate-secret")
    String rotateSecret(@PathVariable String clientId, @AuthenticationPrincipal SignedInPerson admin, Model model,
            HttpServletRequest request) {
        Optional<String> secret = apps.rotateSecret(admin.asActor(), clientId, RequestOrigin.of(request));
        return page(admin, new Shown(clientId, secret.orElseThrow(this::notFound)), null, model);
    }

    @PostMapping("/{clientId}/turn-off")
    String turnOff(@PathVariable String clientId, @AuthenticationPrincipal SignedInPerson admin,
            HttpServletRequest request) {
        return done(apps.setEnabled(admin.asActor(), clientId, false, RequestOrigin.of(request)), "off");
    }

    @PostMapping("/{clientId}/turn-on")
    String turnOn(@PathVariable String clientId, @AuthenticationPrincipal SignedInPerson admin,
            HttpServletRequest request) {
        return done(apps.setEnabled(admin.asActor(), clientId, true, RequestOrigin.of(request)), "on");
    }

    @PostMapping("/{clientId}/delete")
    String delete(@PathVariable String clientId, @AuthenticationPrincipal SignedInPerson admin,
            HttpServletRequest request) {
        return done(apps.delete(admin.asActor(), clientId, RequestOrigin.of(request)), "deleted");
    }

    private String done(boolean found, String what) {
        if (!found) {
            throw notFound();
        }
        return "redirect:" + PAGE + "?done=" + what;
    }

    private ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private String page(SignedInPerson admin, Shown shown, String error, Model model) {
        model.addAttribute("issuer", issuer);
        model.addAttribute("apps", apps.of(admin.asActor()));
        model.addAttribute("shown", shown);
        model.addAttribute("error", error);
        model.addAttribute("longestName", Apps.LONGEST_NAME);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Apps.NewApp("", "", false, false, ""));
        }
        return "admin/apps";
    }
}
