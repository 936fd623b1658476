package dev.myaccount.web;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the portal shows itself and runs: {@code timeZone} is used for times of people who have not chosen their own;
 * {@code runningRequests} is how many requests run at once (0 for no limit): by default one more than the processors
 * where the database runs in the portal (the one more covers the moment a woken request takes to start), and no limit
 * where the portal waits for its database on the network.
 */
@ConfigurationProperties("myaccount.portal")
public record PortalProperties(@DefaultValue("UTC") ZoneId timeZone, Integer runningRequests) {

    public PortalProperties {
        if (runningRequests != null && runningRequests < 0) {
            throw new IllegalArgumentException("myaccount.portal.running-requests must be 0 (no limit) or more");
        }
    }

    /** The number of requests that run at once for a database at {@code jdbcUrl}; 0 for no limit. */
    int runningRequests(String jdbcUrl, int processors) {
        if (runningRequests != null) {
            return runningRequests;
        }
        boolean inProcess = jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:tcp:")
                && !jdbcUrl.startsWith("jdbc:h2:ssl:");
        return inProcess ? processors + 1 : 0;
    }
}
