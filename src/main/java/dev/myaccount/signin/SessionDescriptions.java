package dev.myaccount.signin;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import dev.myaccount.people.DirectoryService;
import dev.myaccount.session.SessionDevice;
import dev.myaccount.web.PersonalSettings;

/**
 * Writes into a session that just finished signing in which browser, system and address it is, and the
 * person's own language and time zone.
 */
@Component
class SessionDescriptions {

    private final UserAgents userAgents;
    private final DirectoryService directory;
    private final Clock clock;

    SessionDescriptions(UserAgents userAgents, DirectoryService directory, Clock clock) {
        this.directory = directory;
        this.userAgents = userAgents;
        this.clock = clock;
    }

    void describe(HttpServletRequest request, SignedInPerson person) {
        directory.find(person.accountId()).ifPresent(account -> PersonalSettings.keep(request.getSession(),
                account.preferredLanguage(), account.timeZone()));
        UserAgents.Parsed agent = userAgents.parse(request.getHeader("User-Agent"));
        request.getSession().setAttribute(SessionDevice.ATTRIBUTE, new SessionDevice(agent.browser(),
                agent.operatingSystem(), request.getRemoteAddr(), clock.instant()));
    }
}
