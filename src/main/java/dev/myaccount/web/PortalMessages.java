package dev.myaccount.web;

import java.nio.charset.StandardCharsets;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The portal's texts, from the bundles {@code messages*.properties}, for its pages, the error pages Tomcat answers
 * and the command line alike. Every text is a MessageFormat pattern, also one without arguments ({@code ''} for a
 * quote), so that a text reads the same whether or not arguments are given.
 */
public final class PortalMessages extends ResourceBundleMessageSource {

    public PortalMessages() {
        setBasename("messages");
        setDefaultEncoding(StandardCharsets.UTF_8.name());
        setFallbackToSystemLocale(false);
        setAlwaysUseMessageFormat(true);
    }
}
