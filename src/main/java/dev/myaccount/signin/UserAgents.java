package dev.myaccount.signin;

import org.springframework.stereotype.Component;

import ua_parser.CachingParser;
import ua_parser.Client;

/** Browser and operating system of a user agent string, as people recognise them ("Chrome 131", "Windows 10"). */
@Component
class UserAgents {

    private static final int LONGEST_NAME = 100;

    private final CachingParser parser = new CachingParser();

    record Parsed(String browser, String operatingSystem) {
    }

    Parsed parse(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Parsed(null, null);
        }
        Client client = parser.parse(userAgent);
        return new Parsed(name(client.userAgent.family, client.userAgent.major),
                name(client.os.family, client.os.major));
    }

    /** ua-parser says "Other" for what it does not recognise; the page says "Unknown" in the person's language. */
    private static String name(String family, String major) {
        if (family == null || family.equals("Other")) {
            return null;
        }
        String name = major == null ? family : family + " " + major;
        return name.length() > LONGEST_NAME ? name.substring(0, LONGEST_NAME) : name;
    }
}
