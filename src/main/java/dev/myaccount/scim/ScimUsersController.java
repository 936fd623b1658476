package dev.myaccount.scim;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.unboundid.scim2.common.exceptions.ScimException;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.scim.ScimTokens;

/** SCIM Users (RFC 7644, 3.3 to 3.6): the organisation of the request's token, and only its people. */
@RestController
@RequestMapping(ScimSecurity.ROOT + "/Users")
class ScimUsersController {

    private final ScimUsers users;

    ScimUsersController(ScimUsers users) {
        this.users = users;
    }

    @GetMapping
    ResponseEntity<byte[]> list(@RequestAttribute(BearerTokenCheck.HOLDER) ScimTokens.Holder client,
            @RequestParam(required = false) String filter, @RequestParam(defaultValue = "1") int startIndex,
            @RequestParam(defaultValue = "100") int count, @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) throws ScimException {
        return ScimJson.respond(200, users.list(client, filter, startIndex, count,
                ScimProjection.of(attributes, excludedAttributes)));
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> get(@RequestAttribute(BearerTokenCheck.HOLDER) ScimTokens.Holder client,
            @PathVariable String id, @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) throws ScimException {
        return ScimJson.respond(200, users.get(client, id, ScimProjection.of(attributes, excludedAttributes)));
    }

    @PostMapping
    ResponseEntity<byte[]> create(@RequestAttribute(BearerTokenCheck.HOLDER) ScimTokens.Holder client,
            HttpServletRequest request) throws ScimException {
        return ScimJson.created(users.create(client, ScimJson.read(request), RequestOrigin.of(request)));
    }

    @PutMapping("/{id}")
    ResponseEntity<byte[]> replace(@RequestAttribute(BearerTokenCheck.HOLDER) ScimTokens.Holder client,
            @PathVariable String id, HttpServletRequest request) throws ScimException {
        return ScimJson.respond(200, users.replace(client, id, ScimJson.read(request), RequestOrigin.of(request)));
    }

    @PatchMapping("/{id}")
    ResponseEntity<byte[]> patch(@RequestAttribute(BearerTokenCheck.HOLDER) ScimTokens.Holder client,
            @PathVariable String id, HttpServletRequest request) throws ScimException {
        return ScimJson.respond(200, users.patch(client, id, ScimJson.read(request), RequestOrigin.of(request)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@RequestAttribute(BearerTokenCheck.HOLDER) ScimTokens.Holder client,
            @PathVariable String id, HttpServletRequest request) throws ScimException {
        users.delete(client, id, RequestOrigin.of(request));
        return ResponseEntity.noContent().build();
    }
}
