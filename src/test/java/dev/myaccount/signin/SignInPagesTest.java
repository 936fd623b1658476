package dev.myaccount.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

class SignInPagesTest {

    private final AtomicInteger renders = new AtomicInteger();
    private final SignInPages pages = new SignInPages(new ThymeleafViewResolver() {
        @Override
        public View resolveViewName(String name, Locale language) {
            return (View) (model, request, response) -> {
                renders.incrementAndGet();
                String token = ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write("<html lang=\"" + language.getLanguage() + "\"><form action=\""
                        + request.getContextPath() + "/signin\"><input name=\"_csrf\" value=\""
                        + HtmlUtils.htmlEscape(token) + "\"></form></html>");
            };
        }
    });

    @Test
    void aLanguageIsRenderedOnceAndThenWrittenWithEachRequestsOwnToken() throws Exception {
        assertThat(open(Locale.ENGLISH, "first&token")).isEqualTo("<html lang=\"en\"><form action=\"/signin\"><input "
                + "name=\"_csrf\" value=\"first&amp;token\"></form></html>");
        assertThat(open(Locale.ENGLISH, "second<token")).isEqualTo("<html lang=\"en\"><form action=\"/signin\"><input "
                + "name=\"_csrf\" value=\"second&lt;token\"></form></html>");
        assertThat(renders).hasValue(1);

        Locale dutch = Locale.forLanguageTag("nl");
        assertThat(open(dutch, "third")).isEqualTo("<html lang=\"nl\"><form action=\"/signin\"><input "
                + "name=\"_csrf\" value=\"third\"></form></html>");
        assertThat(open(dutch, "fourth")).contains("value=\"fourth\"");
        assertThat(renders).hasValue(2);
    }

    /** A token that could be part of the page's text cannot be told from it, so the page is not cut there. */
    @Test
    void aPageWhoseTokenIsFoundMoreThanOnceIsRenderedEveryTime() throws Exception {
        open(Locale.ENGLISH, "en");
        open(Locale.ENGLISH, "en");

        assertThat(renders).hasValue(2);
    }

    /** Behind a proxy that forwards a prefix (the framework's forwarded headers), a request may carry any path. */
    @Test
    void aForwardedPrefixNeverReachesAnotherBrowsersSignInPage() throws Exception {
        assertThat(open(Locale.ENGLISH, "first", "/elsewhere")).contains("action=\"/elsewhere/signin\"");

        assertThat(open(Locale.ENGLISH, "second")).contains("action=\"/signin\"").doesNotContain("elsewhere");
        assertThat(open(Locale.ENGLISH, "third")).contains("action=\"/signin\"");
        assertThat(renders).hasValue(2);
    }

    private String open(Locale language, String token) throws Exception {
        return open(language, token, "");
    }

    private String open(Locale language, String token, String contextPath) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", contextPath + "/signin");
        request.setContextPath(contextPath);
        request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", token));
        MockHttpServletResponse response = new MockHttpServletResponse();
        pages.firstOpened(language).render(Map.of(), request, response);
        assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
        return response.getContentAsString();
    }
}
