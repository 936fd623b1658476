package dev.myaccount.web;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The portal's languages: the one chosen with the switch (kept in a cookie), else the first of the
 * browser's languages that the portal speaks, else English. A bundle and a line here add a language.
 */
final class SupportedLanguages extends CookieLocaleResolver {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"));

    SupportedLanguages() {
        super("myaccount-language");
        setCookieHttpOnly(true);
        setCookieSameSite("Lax");
        setDefaultLocaleFunction(SupportedLanguages::fromBrowser);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        super.setLocale(request, response, locale == null ? null : match(locale).orElse(Locale.ENGLISH));
    }

    private static Locale fromBrowser(HttpServletRequest request) {
        return Collections.list(request.getLocales()).stream()
                .flatMap(locale -> match(locale).stream())
                .findFirst()
                .orElse(Locale.ENGLISH);
    }

    private static Optional<Locale> match(Locale locale) {
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst();
    }
}
