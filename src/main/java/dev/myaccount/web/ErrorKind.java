package dev.myaccount.web;

import java.util.Arrays;

/** The errors a person can meet, each with its status and its title and text in the message bundles. */
enum ErrorKind {
    BAD_REQUEST(400, "badRequest"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "notFound"),
    METHOD_NOT_ALLOWED(405, "methodNotAllowed"),
    TOO_LARGE(413, "tooLarge"),
    TOO_MANY(429, "tooMany"),
    BUSY(503, "busy"),
    SERVER(500, "server");

    private final int status;
    private final String messages;

    ErrorKind(int status, String messages) {
        this.status = status;
        this.messages = messages;
    }

    /** The kind of a status; a client error without a page of its own reads as a bad request. */
    static ErrorKind of(int status) {
        return Arrays.stream(values()).filter(kind -> kind.status == status).findFirst()
                .orElse(status < 500 ? BAD_REQUEST : SERVER);
    }

    String titleKey() {
        return "error." + messages + ".title";
    }

    String textKey() {
        return "error." + messages;
    }
}
