package dev.myaccount.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * A request whose parameters cannot be read (a form over the container's size limit, bytes that are not
 * UTF-8) gets the error page with the container's status, 413 or 400, and one line in the log. The error
 * page itself then sees only the query's readable parameters, so that {@code ?lang=nl} still applies.
 */
final class UnreadableRequests extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(UnreadableRequests.class);

    private static final String REFUSED = UnreadableRequests.class.getName() + ".refused";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR && request.getAttribute(REFUSED) != null) {
            chain.doFilter(new QueryParametersOnly(request), response);
            return;
        }
        try {
            request.getParameterMap();
        } catch (InvalidParameterException unreadable) {
            int status = unreadable.getErrorCode() > 0 ? unreadable.getErrorCode() : HttpStatus.BAD_REQUEST.value();
            log.info("Refused {} {} with {}: {}", request.getMethod(), request.getRequestURI(), status,
                    unreadable.getMessage().lines().findFirst().orElse(""));
            request.setAttribute(REFUSED, status);
            SecurityHeaders.write(response);
            response.sendError(status);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The request with the parameters of its query string that can be read, and none of its body. */
    private static final class QueryParametersOnly extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        QueryParametersOnly(HttpServletRequest request) {
            super(request);
            this.parameters = readable(request.getQueryString());
        }

        private static Map<String, String[]> readable(String query) {
            if (query == null) {
                return Map.of();
            }
            try {
                MultiValueMap<String, String> raw = UriComponentsBuilder.newInstance().query(query).build()
                        .getQueryParams();
                Map<String, String[]> decoded = new LinkedHashMap<>();
                raw.forEach((name, values) -> decoded.put(UriUtils.decode(name, "UTF-8"), values.stream()
                        .map(value -> value == null ? "" : UriUtils.decode(value, "UTF-8")).toArray(String[]::new)));
                return Collections.unmodifiableMap(decoded);
            } catch (IllegalArgumentException undecodable) {
                return Map.of();
            }
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(List.copyOf(parameters.keySet()));
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
