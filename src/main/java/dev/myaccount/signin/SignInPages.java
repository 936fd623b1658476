package dev.myaccount.signin;

import java.io.CharArrayWriter;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The sign-in page as it first opens (no message, no UPN to show again) is the same for everyone who reads it in
 * the same language, but for its CSRF token. It is opened once for every sign-in, so it is rendered once per
 * language and then written with each request's own token. Rendering it was 15 % of what a sign-in's two requests
 * cost beside the hash (docs/benchmarks.md).
 */
@Component
class SignInPages {

    static final String TEMPLATE = "signin/page";

    private final ThymeleafViewResolver views;
    private final Map<Locale, Rendered> rendered = new ConcurrentHashMap<>();

    SignInPages(ThymeleafViewResolver views) {
        this.views = views;
    }

    /** The page in the language of the request, which the portal's locale resolver keeps to its own few. */
    View firstOpened(Locale language) {
        Rendered page = rendered.get(language);
        return page != null ? page : (model, request, response) -> render(language, model, request, response);
    }

    private void render(Locale language, Map<String, ?> model, HttpServletRequest request,
            HttpServletResponse response) throws Exception {
        Captured captured = new Captured(response);
        View template = views.resolveViewName(TEMPLATE, language);
        template.render(model, request, captured);
        String page = captured.page();
        String token = HtmlUtils.htmlEscape(token(request));
        int at = page.indexOf(token);
        // A context path other than the portal's own came from a forwarded prefix: it stays on this page alone.
        boolean ownPaths = request.getContextPath().equals(request.getServletContext().getContextPath());
        if (ownPaths && at >= 0 && page.indexOf(token, at + token.length()) < 0) {
            rendered.putIfAbsent(language, new Rendered(page.substring(0, at), page.substring(at + token.length()),
                    response.getContentType()));
        }
        response.getWriter().write(page);
    }

    private static String token(HttpServletRequest request) {
        return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
    }

    /** A rendered page cut where its token was. */
    private record Rendered(String beforeToken, String afterToken, String contentType) implements View {

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            response.setContentType(contentType);
            PrintWriter page = response.getWriter();
            page.write(beforeToken);
            page.write(HtmlUtils.htmlEscape(token(request)));
            page.write(afterToken);
        }
    }

    /** The response with what the template writes kept aside, to be cut and then sent. */
    private static final class Captured extends HttpServletResponseWrapper {

        private final CharArrayWriter page = new CharArrayWriter(8192);
        private final PrintWriter writer = new PrintWriter(page);

        Captured(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        String page() {
            writer.flush();
            return page.toString();
        }
    }
}
