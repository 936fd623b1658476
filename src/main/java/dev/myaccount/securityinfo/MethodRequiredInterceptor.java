package dev.myaccount.securityinfo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.myaccount.signin.SignedInPerson;
import dev.myaccount.web.Access;

/**
 * Where the organisation requires a second sign-in step, a person without a method reaches nothing but
 * Security info (and the confirmation it may ask for) until they have added one. A person who must change
 * their password does that first.
 */
@Component
class MethodRequiredInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final SignInMethods methods;

    MethodRequiredInterceptor(SignInMethods methods) {
        this.methods = methods;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns(Access.PUBLIC_PATHS)
                .excludePathPatterns(SecurityInfoController.PAGE, SecurityInfoController.PAGE + "/**", "/confirm",
                        "/confirm/**", Access.SECOND_STEP, Access.SECOND_STEP + "/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInPerson person
                && !person.mustChangePassword()
                && methods.missingRequired(person.organisationId(), person.accountId(), person.upn())) {
            response.sendRedirect(request.getContextPath() + SecurityInfoController.PAGE);
            return false;
        }
        return true;
    }
}
