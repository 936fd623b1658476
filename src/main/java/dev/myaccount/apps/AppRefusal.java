package dev.myaccount.apps;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/** Why the portal would not sign a person in to an app, each with its words in the message bundles. */
enum AppRefusal {
    OTHER_ORGANISATION("apps.refused.organisation"),
    UNKNOWN_APP("apps.refused.app"),
    UNKNOWN_ADDRESS("apps.refused.address"),
    BAD_REQUEST("apps.refused.request");

    private final String messageKey;

    AppRefusal(String messageKey) {
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }

    static AppRefusal of(OAuth2Error error) {
        String about = error.getDescription() == null ? "" : error.getDescription();
        if (AppPrincipals.OTHER_ORGANISATION.equals(about)) {
            return OTHER_ORGANISATION;
        }
        if (about.endsWith(OAuth2ParameterNames.CLIENT_ID)) {
            return UNKNOWN_APP;
        }
        if (about.endsWith(OAuth2ParameterNames.REDIRECT_URI)) {
            return UNKNOWN_ADDRESS;
        }
        return BAD_REQUEST;
    }
}
