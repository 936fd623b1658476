package dev.myaccount.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * An API of the portal that answers every error in its own form (SCIM's JSON), those refused before the portal
 * reads the request too: Tomcat's own refusals and the firewall's.
 */
public interface ErrorForm {

    /** Whether the request's path, as sent (not decoded), is under the API. */
    boolean covers(String rawPath);

    void write(HttpServletResponse response, int status) throws IOException;
}
