package dev.myaccount.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers Spring Security puts on every page, for the answers given before it runs: Tomcat's own
 * errors and requests whose parameters cannot be read.
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    static void write(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", PortalPages.CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }
}
