package dev.myaccount.apps;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** What the portal keeps of an app beside Spring Authorization Server's own settings, in the client's settings. */
final class AppSettings {

    /** Where the app takes back-channel logout tokens (OpenID Connect Back-Channel Logout 1.0), if it does. */
    static final String BACK_CHANNEL_LOGOUT_URI = "settings.client.backchannel-logout-uri";

    private AppSettings() {
    }

    static String backChannelLogoutUri(RegisteredClient client) {
        return client.getClientSettings().getSetting(BACK_CHANNEL_LOGOUT_URI);
    }
}
