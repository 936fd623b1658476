package dev.myaccount.scim;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;

import dev.myaccount.people.PersonDescription;
import dev.myaccount.people.Roster.Listed;

/** A SCIM User resource, as Entra, Okta or another client sends it, read as the person it describes. */
final class ScimUserBodies {

    private ScimUserBodies() {
    }

    /** The person a User resource describes; what it leaves out is kept from {@code current} only for active. */
    static PersonDescription person(ObjectNode user, Listed current) throws ScimException {
        String userName = text(user, "userName");
        if (userName == null || userName.isBlank()) {
            throw BadRequestException.invalidValue("userName is required.");
        }
        ObjectNode name = object(ScimPatches.field(user, "name"), "name");
        String givenName = name == null ? null : text(name, "givenName");
        String familyName = name == null ? null : text(name, "familyName");
        String displayName = firstOf(text(user, "displayName"), name == null ? null : text(name, "formatted"),
                String.join(" ", nonBlank(givenName), nonBlank(familyName)).strip(), userName.replaceFirst("@.*", ""));
        JsonNode active = ScimPatches.field(user, "active");
        boolean enabled = active.isMissingNode() || active.isNull() ? current == null || current.enabled() : bool(active);
        return new PersonDescription(userName, displayName, givenName, familyName, text(user, "externalId"), enabled,
                text(user, "password"));
    }

    private static String text(ObjectNode node, String name) throws BadRequestException {
        JsonNode value = ScimPatches.field(node, name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw BadRequestException.invalidValue(name + " must be a string.");
        }
        return value.textValue();
    }

    private static ObjectNode object(JsonNode node, String name) throws BadRequestException {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw BadRequestException.invalidValue(name + " must be an object.");
    }

    /** A boolean, or the strings "True" and "False" that Entra sends for active. */
    static boolean bool(JsonNode value) throws BadRequestException {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && Set.of("true", "false").contains(value.textValue().toLowerCase(Locale.ROOT))) {
            return Boolean.parseBoolean(value.textValue());
        }
        throw BadRequestException.invalidValue("active must be true or false.");
    }

    private static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "";
    }

    private static String nonBlank(String text) {
        return text == null ? "" : text;
    }
}
