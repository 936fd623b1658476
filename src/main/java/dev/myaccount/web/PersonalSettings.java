package dev.myaccount.web;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A signed-in person's language and time zone, kept in their session from sign-in (and when they change
 * them), so that every page and message reads them without asking the database.
 */
public final class PersonalSettings {

    static final String LANGUAGE = PersonalSettings.class.getName() + ".language";
    private static final String TIME_ZONE = PersonalSettings.class.getName() + ".timeZone";
    /** Read once: {@link ZoneId#getAvailableZoneIds()} copies its six hundred names on every call. */
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private PersonalSettings() {
    }

    /** Keeps the person's settings in the session; a null one leaves the portal's default in force. */
    public static void keep(HttpSession session, String language, String timeZone) {
        session.setAttribute(LANGUAGE, SupportedLanguages.LANGUAGES.stream()
                .filter(known -> known.getLanguage().equals(language)).findFirst().orElse(null));
        session.setAttribute(TIME_ZONE, timeZone == null || !ZONES.contains(timeZone) ? null
                : ZoneId.of(timeZone));
    }

    static Optional<Locale> language(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null : (Locale) session.getAttribute(LANGUAGE));
    }

    /** The zone the person reads times in: their own, else {@code portalZone}. */
    public static ZoneId zone(HttpServletRequest request, ZoneId portalZone) {
        HttpSession session = request.getSession(false);
        Object zone = session == null ? null : session.getAttribute(TIME_ZONE);
        return zone instanceof ZoneId own ? own : portalZone;
    }
}
