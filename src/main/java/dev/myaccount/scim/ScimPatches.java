package dev.myaccount.scim;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;

/**
 * A PATCH body as provisioning clients send it, made what the SDK reads: Entra writes "Replace" for
 * "replace" and "False" for false, and both clients patch attributes the portal does not keep, which are
 * left out here rather than refused.
 */
final class ScimPatches {

    private ScimPatches() {
    }

    /** A copy of the body with lower-case ops, booleans for active, and only operations on kept attributes. */
    static ObjectNode normalised(ObjectNode body, Predicate<String> kept) throws BadRequestException {
        ObjectNode copy = body.deepCopy();
        JsonNode operations = field(copy, "Operations");
        if (!(operations instanceof ArrayNode list)) {
            throw BadRequestException.invalidSyntax("A PATCH has a list of Operations.");
        }
        ArrayNode keptOperations = list.arrayNode();
        for (JsonNode operation : list) {
            if (!(operation instanceof ObjectNode op) || !field(op, "op").isTextual()) {
                throw BadRequestException.invalidSyntax("Each operation is an object with an op.");
            }
            op.put("op", field(op, "op").textValue().toLowerCase(Locale.ROOT));
            JsonNode path = field(op, "path");
            if (path.isTextual()) {
                String attribute = attribute(path.textValue());
                if (attribute != null && kept.test(attribute)) {
                    booleanActive(op, "value", attribute);
                    keptOperations.add(op);
                }
            } else if (field(op, "value") instanceof ObjectNode value) {
                value.retain(value.properties().stream().map(Map.Entry::getKey).filter(kept).toList());
                for (String name : value.properties().stream().map(Map.Entry::getKey).toList()) {
                    booleanActive(value, name, name);
                }
                keptOperations.add(op);
            } else {
                keptOperations.add(op);
            }
        }
        copy.set("Operations", keptOperations);
        return copy;
    }

    /** The top attribute a path names in the core schema; null for an extension's attribute. */
    private static String attribute(String path) throws BadRequestException {
        Path parsed = Path.fromString(path);
        if (parsed.getSchemaUrn() != null && !parsed.getSchemaUrn().toLowerCase(Locale.ROOT)
                .startsWith("urn:ietf:params:scim:schemas:core:2.0:")) {
            return null;
        }
        return parsed.size() == 0 ? null : parsed.getElement(0).getAttribute();
    }

    private static void booleanActive(ObjectNode holder, String field, String attribute) throws BadRequestException {
        JsonNode value = holder.get(field);
        if ("active".equalsIgnoreCase(attribute) && value != null && !value.isNull()) {
            holder.set(field, BooleanNode.valueOf(ScimUsers.bool(value)));
        }
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
