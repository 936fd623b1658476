package dev.myaccount.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * A page leaves with the end of its request, whole. Thymeleaf's view flushes the page it wrote, which sent it with
 * chunked encoding in two writes to the socket and had Spring Session save the session twice; unflushed, a page that
 * fits the response's buffer goes out once, with its length, after the session is saved. One larger than the buffer
 * is sent as it fills, as before.
 */
@Component
class WholePages implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof ThymeleafViewResolver pages) {
            pages.setViewClass(UnflushedView.class);
        }
        return bean;
    }

    /** Thymeleaf's view, with the flush after the page is written left to the end of the request. */
    static class UnflushedView extends ThymeleafView {

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            super.render(model, request, new Unflushed(response));
        }
    }

    private static final class Unflushed extends HttpServletResponseWrapper {

        private PrintWriter writer;

        Unflushed(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(super.getWriter()) {
                    @Override
                    public void flush() {
                    }
                };
            }
            return writer;
        }
    }
}
