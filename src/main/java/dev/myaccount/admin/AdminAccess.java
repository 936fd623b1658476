package dev.myaccount.admin;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.myaccount.people.DirectoryService;
import dev.myaccount.signin.Confirmation;
import dev.myaccount.signin.SignedInPerson;

/**
 * Guards the admin side: a person who does not administer their organisation gets the ordinary 404, as if
 * the pages did not exist; an admin whose sign-in is not recent confirms who they are first. Asked on every
 * request, so that a role taken away counts at once.
 */
@Component
class AdminAccess implements HandlerInterceptor, WebMvcConfigurer {

    static final String ROOT = "/admin";
    private static final String REDIRECT = "redirect:";

    private final DirectoryService directory;
    private final Confirmation confirmation;

    AdminAccess(DirectoryService directory, Confirmation confirmation) {
        this.directory = directory;
        this.confirmation = confirmation;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(ROOT, ROOT + "/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !(signedIn.getPrincipal() instanceof SignedInPerson person)
                || !directory.isAdmin(person.accountId(), person.organisationId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        // After confirming, a page is shown again; a form's change is not made without the admin seeing it.
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        String back = "GET".equals(request.getMethod()) ? request.getServletPath() + query : ROOT;
        Optional<String> confirm = confirmation.needed(person, request, back);
        if (confirm.isPresent()) {
            response.sendRedirect(request.getContextPath() + confirm.get().substring(REDIRECT.length()));
            return false;
        }
        return true;
    }
}
