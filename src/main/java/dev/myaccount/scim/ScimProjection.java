package dev.myaccount.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;

/**
 * The {@code attributes} and {@code excludedAttributes} of a read (RFC 7644, 3.9): only the attributes named, or all
 * but those named; {@code schemas} and {@code id} are always returned. Names are case-insensitive and may carry the
 * core schema's URN or name a sub-attribute ({@code name.familyName}).
 */
record ScimProjection(List<Path> attributes, List<Path> excluded) {

    static final ScimProjection ALL = new ScimProjection(List.of(), List.of());

    static ScimProjection of(String attributes, String excludedAttributes) throws BadRequestException {
        return new ScimProjection(paths(attributes), paths(excludedAttributes));
    }

    /** Whether the attribute is returned at all, so that what it costs to read can be spared. */
    boolean wants(String attribute) {
        return (attributes.isEmpty() || attributes.stream().anyMatch(path -> names(path, 0, attribute)))
                && excluded.stream().noneMatch(path -> path.size() == 1 && names(path, 0, attribute));
    }

    ObjectNode apply(ObjectNode resource) {
        if (!attributes.isEmpty()) {
            ObjectNode chosen = resource.objectNode();
            for (Map.Entry<String, JsonNode> field : resource.properties()) {
                String name = field.getKey();
                if (name.equals("schemas") || name.equals("id")) {
                    chosen.set(name, field.getValue());
                    continue;
                }
                List<String> parts = new ArrayList<>();
                boolean whole = false;
                for (Path path : attributes) {
                    if (names(path, 0, name)) {
                        whole |= path.size() == 1;
                        if (path.size() > 1) {
                            parts.add(path.getElement(1).getAttribute());
                        }
                    }
                }
                if (whole) {
                    chosen.set(name, field.getValue());
                } else if (!parts.isEmpty()) {
                    chosen.set(name, keep(field.getValue(), parts));
                }
            }
            resource = chosen;
        }
        for (Path path : excluded) {
            String name = actual(resource, path.getElement(0).getAttribute());
            if (name == null || name.equals("schemas") || name.equals("id")) {
                continue;
            }
            if (path.size() == 1) {
                resource.remove(name);
            } else {
                drop(resource.get(name), path.getElement(1).getAttribute());
            }
        }
        return resource;
    }

    /** The sub-attributes named of a complex value, or of each value of a multi-valued one. */
    private static JsonNode keep(JsonNode value, List<String> parts) {
        if (value instanceof ArrayNode values) {
            ArrayNode kept = values.arrayNode();
            values.forEach(each -> kept.add(keep(each, parts)));
            return kept;
        }
        if (!(value instanceof ObjectNode object)) {
            return value;
        }
        ObjectNode kept = object.objectNode();
        object.properties().stream().filter(field -> parts.stream().anyMatch(field.getKey()::equalsIgnoreCase))
                .forEach(field -> kept.set(field.getKey(), field.getValue()));
        return kept;
    }

    private static void drop(JsonNode value, String part) {
        if (value instanceof ArrayNode values) {
            values.forEach(each -> drop(each, part));
        } else if (value instanceof ObjectNode object) {
            String name = actual(object, part);
            if (name != null) {
                object.remove(name);
            }
        }
    }

    private static String actual(ObjectNode node, String name) {
        return node.properties().stream().map(Map.Entry::getKey).filter(name::equalsIgnoreCase).findFirst()
                .orElse(null);
    }

    private static boolean names(Path path, int element, String attribute) {
        return path.size() > element && path.getElement(element).getAttribute().equalsIgnoreCase(attribute);
    }

    private static List<Path> paths(String list) throws BadRequestException {
        List<Path> paths = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return paths;
        }
        for (String name : list.split(",")) {
            try {
                Path path = Path.fromString(name.strip());
                if (path.size() > 0 && path.getElement(0).getValueFilter() == null) {
                    paths.add(path);
                    continue;
                }
            } catch (BadRequestException | RuntimeException unreadable) {
                // answered below, without the parser's words
            }
            throw BadRequestException.invalidValue("attributes and excludedAttributes list attribute names.");
        }
        return paths;
    }
}
