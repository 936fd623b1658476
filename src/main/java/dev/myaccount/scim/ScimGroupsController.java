package dev.myaccount.scim;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.unboundid.scim2.common.exceptions.ScimException;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.scim.ScimTokens;

/** SCIM Groups: the Admins group only; it cannot be created, renamed or deleted, only its members change. */
@RestController
@RequestMapping(ScimSecurity.ROOT + "/Groups")
class ScimGroupsController {

    private final ScimAdminsGroup admins;

    ScimGroupsController(ScimAdminsGroup admins) {
        this.admins = admins;
    }

    @GetMapping
    ResponseEntity<byte[]> list(@RequestAttribute(BearerTokenCheck.HOLDER) ScimTokens.Holder client,
            @RequestParam(required = false) String filter, @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) throws ScimException {
        return ScimJson.respond(200, admins.list(client, filter, ScimProjection.of(attributes, excludedAttributes)));
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> get(@RequestAttribute(BearerTokenCheck.HOLDER) ScimTokens.Holder client,
            @PathVariable String id, @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) throws ScimException {
        return ScimJson.respond(200, admins.get(client, id, ScimProjection.of(attributes, excludedAttributes)));
    }

    @PatchMapping("/{id}")
    ResponseEntity<byte[]> patch(@RequestAttribute(BearerTokenCheck.HOLDER) ScimTokens.Holder client,
            @PathVariable String id, HttpServletRequest request) throws ScimException {
        return ScimJson.respond(200, admins.patch(client, id, ScimJson.read(request), RequestOrigin.of(request)));
    }

    @PutMapping("/{id}")
    ResponseEntity<byte[]> replace(@RequestAttribute(BearerTokenCheck.HOLDER) ScimTokens.Holder client,
            @PathVariable String id, HttpServletRequest request) throws ScimException {
        return ScimJson.respond(200, admins.replace(client, id, ScimJson.read(request), RequestOrigin.of(request)));
    }
}
