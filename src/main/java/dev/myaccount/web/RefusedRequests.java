package dev.myaccount.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request the firewall refuses (an encoded percent or slash, a {@code ;}, {@code //}, a method such as TRACE)
 * gets 400 with the security headers of every page, in the form of the API it was sent to (SCIM's JSON) or as the
 * portal's error page; one line in the log.
 */
@Component
class RefusedRequests implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RefusedRequests.class);

    private final List<ErrorForm> forms;

    RefusedRequests(List<ErrorForm> forms) {
        this.forms = forms;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException refused)
            throws IOException {
        log.info("Refused {} with 400: {}", request.getMethod(), refused.getMessage());
        SecurityHeaders.write(response);
        ErrorForm form = formOf(forms, request.getRequestURI());
        if (form != null) {
            form.write(response, HttpServletResponse.SC_BAD_REQUEST);
        } else {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    /** The form of the API the path is under; null for the portal's pages. */
    static ErrorForm formOf(List<ErrorForm> forms, String rawPath) {
        return rawPath == null ? null : forms.stream().filter(form -> form.covers(rawPath)).findFirst().orElse(null);
    }
}
