package dev.myaccount.privacy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.myaccount.directory.DirectoryService;
import dev.myaccount.signin.SignedInPerson;
import dev.myaccount.web.Access;
import dev.myaccount.web.PersonalSettings;

/**
 * The language switch of every page, used by a signed-in person, changes their own language (as Settings
 * and Privacy does), so that it follows them to their email and their next browser.
 */
@Component
class LanguageSwitchInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final DirectoryService directory;

    LanguageSwitchInterceptor(DirectoryService directory) {
        this.directory = directory;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns(Access.PUBLIC_PATHS);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String language = request.getParameter("lang");
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (language != null && SettingsController.LANGUAGES.contains(language) && authentication != null
                && authentication.getPrincipal() instanceof SignedInPerson person
                && person.secondFactorFlow().isEmpty()) {
            directory.find(person.accountId()).ifPresent(account -> {
                directory.setPersonalSettings(account.id(), language, account.timeZone());
                PersonalSettings.keep(request.getSession(), language, account.timeZone());
            });
        }
        return true;
    }
}
