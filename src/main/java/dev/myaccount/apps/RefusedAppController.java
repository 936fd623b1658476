package dev.myaccount.apps;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** The page of an authorization request refused without going back to the app (see {@link AppRefusals}). */
@Controller
class RefusedAppController {

    static final String PATH = "/apps/refused";

    @RequestMapping(PATH)
    ModelAndView refused(HttpServletRequest request) {
        if (!(request.getAttribute(AppRefusals.REFUSAL) instanceof AppRefusal refusal)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ModelAndView page = new ModelAndView("apps/refused", HttpStatus.BAD_REQUEST);
        page.addObject("reason", refusal.messageKey());
        return page;
    }
}
