package dev.myaccount.scim;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import com.unboundid.scim2.common.utils.JsonUtils;

/** SCIM's JSON in and out, with the SDK's own mapper (SCIM's dates and attribute names). */
final class ScimJson {

    static final MediaType MEDIA_TYPE = MediaType.parseMediaType("application/scim+json;charset=UTF-8");
    /** A User or a Group patch is a few KiB; a body this large is refused before it is read. */
    static final int LARGEST_BODY = 1 << 20;
    private static final ObjectMapper MAPPER = JsonUtils.createObjectMapper();

    private ScimJson() {
    }

    /** The request's JSON object, at most {@link #LARGEST_BODY} bytes. */
    static ObjectNode read(HttpServletRequest request) throws ScimException {
        if (request.getContentLengthLong() > LARGEST_BODY) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(LARGEST_BODY + 1);
        } catch (IOException unreadable) {
            throw BadRequestException.invalidSyntax("The request body could not be read.");
        }
        if (body.length > LARGEST_BODY) {
            throw tooLarge();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException notJson) {
            // answered below, without the parser's words, which may quote the body
        }
        throw BadRequestException.invalidSyntax("The request body is not a JSON object.");
    }

    static <T> T convert(JsonNode node, Class<T> type) throws BadRequestException {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException wrong) {
            throw BadRequestException.invalidSyntax("The request is not a valid " + type.getSimpleName() + ".");
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ResponseEntity<byte[]> respond(int status, Object body) {
        return ResponseEntity.status(status).contentType(MEDIA_TYPE).body(bytes(body));
    }

    static ResponseEntity<byte[]> created(ObjectNode resource) {
        return ResponseEntity.status(201).contentType(MEDIA_TYPE)
                .header(HttpHeaders.LOCATION, resource.path("meta").path("location").asText())
                .body(bytes(resource));
    }

    static ResponseEntity<byte[]> error(ScimException problem) {
        return respond(problem.getScimError().getStatus(), problem.getScimError());
    }

    /** Writes an error where no controller answers (the token check). */
    static void writeError(HttpServletResponse response, int status, String scimType, String detail)
            throws IOException {
        ErrorResponse error = new ErrorResponse(status);
        error.setScimType(scimType);
        error.setDetail(detail);
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE.toString());
        response.getOutputStream().write(bytes(error));
    }

    private static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ScimException tooLarge() {
        return new ScimException(413, null, "The request body is larger than " + (LARGEST_BODY >> 10) + " KiB.");
    }
}
