package dev.myaccount.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * The page for errors that Tomcat answers itself, before the portal sees the request (headers too large,
 * an encoded slash in the path): the portal's card, in the browser's language when its headers could be
 * read, or the error form of the API the request was sent to; with the portal's security headers, and one line
 * in the log.
 */
public final class PortalErrorValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(PortalErrorValve.class);
    private static final PortalMessages MESSAGES = new PortalMessages();

    private final Supplier<List<ErrorForm>> forms;

    PortalErrorValve(Supplier<List<ErrorForm>> forms) {
        this.forms = forms;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        log.info("Refused a request with {} before it reached the portal: {}", status,
                throwable == null ? "malformed" : throwable.getMessage());
        Locale locale = SupportedLanguages.fromBrowser(request);
        ErrorKind kind = ErrorKind.of(status);
        try {
            ErrorForm form = RefusedRequests.formOf(forms.get(), request.getRequestURI());
            if (form != null) {
                SecurityHeaders.write(response);
                form.write(response, status);
                return;
            }
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            SecurityHeaders.write(response);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(page(locale, kind));
            }
        } catch (IOException | IllegalStateException gone) {
            // The client has gone or the answer was started elsewhere: nothing more to say.
        }
    }

    private static String page(Locale locale, ErrorKind kind) {
        String title = text(kind.titleKey(), locale);
        return "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + " · "
                + text("app.name", locale) + "</title><link rel=\"stylesheet\" href=\"/css/portal.css\"></head>"
                + "<body class=\"centred\"><main id=\"main\" class=\"card\"><p class=\"brand\">"
                + text("app.name", locale) + "</p><h1>" + title + "</h1><p>" + text(kind.textKey(), locale)
                + "</p><p><a class=\"primary button\" href=\"/\">" + text("error.home", locale)
                + "</a></p></main></body></html>";
    }

    private static String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(MESSAGES.getMessage(key, null, locale));
    }
}
