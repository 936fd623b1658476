package dev.myaccount.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The portal's error page for every status the servlet container or the portal sends, in the person's
 * language; asked for directly, {@code /error} is a page that does not exist.
 */
@Controller
class ErrorPages implements ErrorController {

    private final List<ErrorForm> forms;

    ErrorPages(List<ErrorForm> forms) {
        this.forms = forms;
    }

    /**
     * With the security headers of every page, since some errors reach here past the filters that write them (a
     * TRACE that Tomcat refuses); in the API's own form for a request sent to one.
     */
    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer given ? given : HttpStatus.NOT_FOUND.value();
        SecurityHeaders.write(response);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ErrorForm form = RefusedRequests.formOf(forms, path == null ? null : path.toString());
        if (form != null) {
            form.write(response, code);
            return null;
        }
        return page(code);
    }

    /** The error page for {@code status}, with that status. */
    static ModelAndView page(int status) {
        ErrorKind kind = ErrorKind.of(status);
        ModelAndView page = new ModelAndView("web/error", HttpStatus.valueOf(status));
        page.addObject("titleKey", kind.titleKey());
        page.addObject("textKey", kind.textKey());
        return page;
    }
}
