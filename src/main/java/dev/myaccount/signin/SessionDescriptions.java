package dev.myaccount.signin;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import dev.myaccount.session.SessionDevice;

/** Writes into a session that just finished signing in which browser, system and address it is. */
@Component
class SessionDescriptions {

    private final UserAgents userAgents;
    private final Clock clock;

    SessionDescriptions(UserAgents userAgents, Clock clock) {
        this.userAgents = userAgents;
        this.clock = clock;
    }

    void describe(HttpServletRequest request) {
        UserAgents.Parsed agent = userAgents.parse(request.getHeader("User-Agent"));
        request.getSession().setAttribute(SessionDevice.ATTRIBUTE, new SessionDevice(agent.browser(),
                agent.operatingSystem(), request.getRemoteAddr(), clock.instant()));
    }
}
