package dev.myaccount.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

import dev.myaccount.signin.SignedInPerson;
import dev.myaccount.web.PersonalSettings;
import dev.myaccount.web.PortalProperties;

/**
 * Gives every page of the My Account shell the signed-in person for its header, the page's path for its language
 * switch, and the zone times are in. Added once the handler has chosen its page rather than by model attribute
 * methods, which Spring MVC looks over, resolves and calls by reflection on every request: without them pages came
 * 1.07-1.25 times as fast side by side (each run's median, three runs; docs/benchmarks.md).
 */
@Component
class ShellModel implements HandlerInterceptor, WebMvcConfigurer {

    private final PortalProperties portal;

    ShellModel(PortalProperties portal) {
        this.portal = portal;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page == null || !isTemplate(page)) {
            return;
        }
        page.addObject("zone", PersonalSettings.zone(request, portal.timeZone()));
        page.addObject("here", request.getRequestURI());
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        page.addObject("person", signedIn != null && signedIn.getPrincipal() instanceof SignedInPerson person
                ? person : null);
    }

    /** A redirect would carry these as query parameters, and a forward reaches this again. */
    private static boolean isTemplate(ModelAndView page) {
        String name = page.getViewName();
        return name != null && !name.startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX)
                && !name.startsWith(UrlBasedViewResolver.FORWARD_URL_PREFIX);
    }
}
