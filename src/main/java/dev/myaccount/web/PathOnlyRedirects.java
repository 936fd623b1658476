package dev.myaccount.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.RedirectStrategy;

/**
 * Redirects to the path and query of a URL only. Spring Security remembers the page asked for before
 * sign-in as a whole URL, built with the Host header the client sent; only its path goes back out.
 */
public final class PathOnlyRedirects implements RedirectStrategy {

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        URI target = URI.create(url);
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        response.sendRedirect(path + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
    }
}
