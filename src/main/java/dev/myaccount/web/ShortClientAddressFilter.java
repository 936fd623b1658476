package dev.myaccount.web;

import java.io.IOException;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives the rest of the portal a client's IPv6 address in its short form ({@link ClientAddresses#shortForm}), so
 * that pages, the audit log and the limits per address all see one spelling. First of the filters, before Spring
 * Security reads the address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ShortClientAddressFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        String shortForm = ClientAddresses.shortForm(address);
        chain.doFilter(Objects.equals(shortForm, address) ? request : new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return shortForm;
            }
        }, response);
    }
}
