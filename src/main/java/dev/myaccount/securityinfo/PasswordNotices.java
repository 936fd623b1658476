package dev.myaccount.securityinfo;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.myaccount.people.PersonChanged;

/**
 * Tells the person of a new password they did not type on the first sign-in page: their own change, their reset, or
 * an admin's. After the commit and off the request (a slow mail server delays no one), kept by the event registry
 * until done, so a notice that failed is retried rather than lost.
 */
@Component
class PasswordNotices {

    private final SecurityNotices notices;

    PasswordNotices(SecurityNotices notices) {
        this.notices = notices;
    }

    /** In the person's language, else the one of the request that made the change (this thread has none). */
    @ApplicationModuleListener
    void passwordSet(PersonChanged.PasswordSet change) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(change.language()));
        try {
            switch (change.way()) {
                case CHANGED -> notices.passwordChanged(change.accountId());
                case RESET -> notices.passwordReset(change.accountId());
                case SET_BY_ADMIN -> notices.passwordResetByAdmin(change.accountId());
                case FIRST_SIGN_IN -> { }
            }
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
