package dev.myaccount.password;

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
 * A person who must change their password reaches nothing but the Change password page (and sign-out,
 * which Spring Security answers before any page) until they have changed it.
 */
@Component
class PasswordChangeRequiredInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns(Access.PUBLIC_PATHS)
                .excludePathPatterns("/password", "/password/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean mustChange = authentication != null
                && authentication.getPrincipal() instanceof SignedInPerson person
                && person.mustChangePassword();
        if (mustChange) {
            response.sendRedirect(request.getContextPath() + "/password");
            return false;
        }
        return true;
    }
}
