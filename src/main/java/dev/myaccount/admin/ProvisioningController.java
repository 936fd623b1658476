package dev.myaccount.admin;

import java.util.UUID;

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

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.scim.ScimClients;
import dev.myaccount.scim.ScimTokens;
import dev.myaccount.signin.SignedInPerson;
import dev.myaccount.web.PublicAddress;

/**
 * The admin's Provisioning page: the address of the SCIM API and the organisation's tokens for it (Entra's or
 * Okta's provisioning client); a new token is shown once, a token can be revoked, and each shows when it was
 * last used.
 */
@Controller
@RequestMapping(ProvisioningController.PAGE)
class ProvisioningController {

    static final String PAGE = AdminAccess.ROOT + "/provisioning";

    private final ScimClients provisioning;
    private final String scimAddress;

    ProvisioningController(ScimClients provisioning, PublicAddress portal) {
        this.provisioning = provisioning;
        this.scimAddress = portal.url() + "/scim/v2";
    }

    @GetMapping
    String page(@RequestParam(required = false) String revoked, @AuthenticationPrincipal SignedInPerson admin,
            Model model) {
        model.addAttribute("revoked", revoked != null);
        return page(admin, null, null, model);
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, @AuthenticationPrincipal SignedInPerson admin,
            Model model, HttpServletRequest request) {
        ScimClients.Created created = provisioning.createToken(admin.asActor(), name, RequestOrigin.of(request));
        return page(admin, created.issued(), created.refusal(), model);
    }

    /** Revokes one of the organisation's live tokens; any other id is a page that does not exist, as for people. */
    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson admin, HttpServletRequest request) {
        if (!provisioning.revokeToken(admin.asActor(), id, RequestOrigin.of(request))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:" + PAGE + "?revoked";
    }

    private String page(SignedInPerson admin, ScimTokens.Issued issued, String error, Model model) {
        model.addAttribute("address", scimAddress);
        model.addAttribute("tokens", provisioning.tokens(admin.asActor()));
        model.addAttribute("issued", issued);
        model.addAttribute("error", error);
        model.addAttribute("longestName", ScimTokens.LONGEST_NAME);
        return "admin/provisioning";
    }
}
