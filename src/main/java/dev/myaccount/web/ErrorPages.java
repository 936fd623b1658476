package dev.myaccount.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

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

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return page(status instanceof Integer code ? code : HttpStatus.NOT_FOUND.value());
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
