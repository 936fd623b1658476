package dev.myaccount.scim;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;

/**
 * A PATCH body as Entra and Okta send it, made what the SDK applies, or refused with the error RFC 7644 names.
 * Entra writes "Replace" and "False", removes members with a list of values, and replaces several attributes at once
 * with dotted ("name.givenName") and URN-prefixed keys; attributes of the standard schema that the portal does not
 * keep are left out rather than refused, and nothing kept is dropped.
 */
final class ScimPatches {

    private static final Set<String> OPERATIONS = Set.of("add", "remove", "replace");

    private ScimPatches() {
    }

    /** A copy of the body whose operations touch only kept attributes, in the forms the SDK reads. */
    static ObjectNode normalised(ObjectNode body, ScimSchema schema) throws BadRequestException {
        ObjectNode copy = body.deepCopy();
        if (!(field(copy, "Operations") instanceof ArrayNode operations)) {
            throw BadRequestException.invalidSyntax("A PATCH has a list of Operations.");
        }
        if (operations.isEmpty()) {
            throw BadRequestException.invalidValue("A PATCH has at least one operation.");
        }
        ArrayNode kept = operations.arrayNode();
        for (JsonNode operation : operations) {
            if (!(operation instanceof ObjectNode given) || !field(given, "op").isTextual()) {
                throw BadRequestException.invalidSyntax("Each operation is an object with an op.");
            }
            ObjectNode op = given.objectNode();
            given.properties().forEach(member -> op.set(member.getKey().toLowerCase(Locale.ROOT), member.getValue()));
            String name = op.get("op").textValue().toLowerCase(Locale.ROOT);
            if (!OPERATIONS.contains(name)) {
                throw BadRequestException.invalidValue("An op is add, remove or replace.");
            }
            op.put("op", name);
            JsonNode path = op.path("path");
            if (path.isTextual()) {
                kept.addAll(withPath(op, name, path(path.textValue()), schema));
            } else if (name.equals("remove")) {
                throw BadRequestException.noTarget("A remove names the path of what it removes.");
            } else if (op.get("value") instanceof ObjectNode value) {
                ObjectNode attributes = keptAttributes(value, schema);
                if (!attributes.isEmpty()) {
                    kept.add(op.set("value", attributes));
                }
            } else {
                throw BadRequestException.invalidValue("An add or replace without a path has an object as its value.");
            }
        }
        copy.set("Operations", kept);
        return copy;
    }

    /** The operation as the SDK reads it, or none when it touches an attribute that is left alone. */
    private static List<ObjectNode> withPath(ObjectNode op, String name, Path path, ScimSchema schema)
            throws BadRequestException {
        if (!kept(path, schema)) {
            return List.of();
        }
        String attribute = ScimSchema.lower(path.getElement(0).getAttribute());
        if (name.equals("remove") && path.size() == 1 && path.getElement(0).getValueFilter() == null
                && schema.needed().contains(attribute)) {
            throw BadRequestException.mutability(path.getElement(0).getAttribute() + " cannot be removed.");
        }
        if (name.equals("remove") && op.get("value") instanceof ArrayNode values) {
            return List.of(removalOfEach(op, path, values));
        }
        if (path.getSchemaUrn() != null) {
            String text = op.get("path").textValue();
            op.put("path", text.substring(path.getSchemaUrn().length() + 1));
        }
        if (attribute.equals("active") && path.size() == 1 && op.get("value") != null) {
            op.set("value", active(op.get("value")));
        }
        return List.of(op);
    }

    /**
     * Entra's removal of members, {@code {"op":"Remove","path":"members","value":[{"value":"<id>"}]}}, as RFC 7644
     * writes it: a removal of the members whose value is one of those listed. A value that is no member is no error.
     */
    private static ObjectNode removalOfEach(ObjectNode op, Path path, ArrayNode values) throws BadRequestException {
        if (values.isEmpty() || path.size() != 1 || path.getElement(0).getValueFilter() != null) {
            throw BadRequestException.invalidValue("A remove lists the values of what it removes.");
        }
        Filter any = null;
        for (JsonNode item : values) {
            JsonNode value = item instanceof ObjectNode object ? field(object, "value") : item;
            if (!value.isTextual()) {
                throw BadRequestException.invalidValue("A remove lists objects whose value is an id.");
            }
            Filter one = Filter.eq("value", value.textValue());
            any = any == null ? one : Filter.or(any, one);
        }
        ObjectNode removal = op.objectNode();
        removal.put("op", "remove");
        removal.put("path", path.getElement(0).getAttribute() + "[" + any + "]");
        return removal;
    }

    /**
     * The kept attributes of a no-path value, nested as the resource holds them: {@code "name.givenName"} and a
     * key with the core schema's URN become the attribute itself; the extension's object and attributes are left out.
     */
    private static ObjectNode keptAttributes(ObjectNode value, ScimSchema schema) throws BadRequestException {
        ObjectNode kept = value.objectNode();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (schema.isExtension(entry.getKey())) {
                continue;
            }
            Path path = path(entry.getKey());
            if (!kept(path, schema)) {
                continue;
            }
            String attribute = path.getElement(0).getAttribute();
            if (path.size() == 1) {
                JsonNode given = attribute.equalsIgnoreCase("active") ? active(entry.getValue()) : entry.getValue();
                if (given instanceof ObjectNode parts && kept.get(attribute) instanceof ObjectNode earlier) {
                    earlier.setAll(parts);
                } else {
                    kept.set(attribute, given);
                }
            } else if (kept.get(attribute) instanceof ObjectNode parts) {
                parts.set(path.getElement(1).getAttribute(), entry.getValue());
            } else {
                kept.putObject(attribute).set(path.getElement(1).getAttribute(), entry.getValue());
            }
        }
        return kept;
    }

    /** Whether the path names a kept attribute; false for one left alone; refused for one unknown or immutable. */
    private static boolean kept(Path path, ScimSchema schema) throws BadRequestException {
        return switch (schema.treatment(path)) {
            case KEEP -> true;
            case LEAVE_ALONE -> false;
            case IMMUTABLE -> throw BadRequestException.mutability("id and meta are the service's and cannot change.");
            case UNKNOWN -> throw BadRequestException.invalidPath("A path names no attribute of the resource.");
        };
    }

    /** The path, or SCIM's invalidPath without the parser's words, which quote the request. */
    private static Path path(String text) throws BadRequestException {
        try {
            return Path.fromString(text);
        } catch (BadRequestException | RuntimeException unreadable) {
            throw BadRequestException.invalidPath("A path is not a SCIM attribute path.");
        }
    }

    private static JsonNode active(JsonNode value) throws BadRequestException {
        return value.isNull() ? value : BooleanNode.valueOf(ScimUserBodies.bool(value));
    }

    /** A field by its name in any case; a missing node when there is none. */
    static JsonNode field(ObjectNode node, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return node.missingNode();
    }
}
