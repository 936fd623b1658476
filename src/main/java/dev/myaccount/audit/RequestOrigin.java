package dev.myaccount.audit;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;

/** Where a request came from, as the audit log records it. */
public record RequestOrigin(String clientAddress, String userAgent) implements Serializable {

    /** A command run beside the portal by IT. */
    public static final RequestOrigin COMMAND_LINE = new RequestOrigin("command line", null);

    public static RequestOrigin of(HttpServletRequest request) {
        return new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
