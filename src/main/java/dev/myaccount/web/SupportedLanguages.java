package dev.myaccount.web;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The portal's languages: a signed-in person's own (Settings and Privacy), else the one chosen with the
 * switch (kept in a cookie), else the first of the browser's languages that the portal speaks, else English.
 * A cookie that names no language of the portal is ignored. A bundle and a line here add a language.
 */
final class SupportedLanguages implements LocaleResolver {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"));
    private static final String COOKIE = "myaccount-language";
    /** A language switched to in this request, which its own cookie does not carry yet. */
    private static final String SWITCHED = SupportedLanguages.class.getName() + ".switched";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(SWITCHED) instanceof Locale switched) {
            return switched;
        }
        return PersonalSettings.language(request).or(() -> chosen(request)).orElseGet(() -> fromBrowser(request));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale language = locale == null ? null : match(locale).orElse(Locale.ENGLISH);
        request.setAttribute(SWITCHED, language == null ? fromBrowser(request) : language);
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, language == null ? "" : language.getLanguage())
                .path("/").httpOnly(true).sameSite("Lax").secure(request.isSecure())
                .maxAge(language == null ? 0 : -1).build().toString());
    }

    static Locale fromBrowser(HttpServletRequest request) {
        return Collections.list(request.getLocales()).stream()
                .flatMap(locale -> match(locale).stream())
                .findFirst()
                .orElse(Locale.ENGLISH);
    }

    private static Optional<Locale> chosen(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(COOKIE)) {
                return LANGUAGES.stream().filter(l -> l.getLanguage().equals(cookie.getValue())).findFirst();
            }
        }
        return Optional.empty();
    }

    private static Optional<Locale> match(Locale locale) {
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst();
    }
}
