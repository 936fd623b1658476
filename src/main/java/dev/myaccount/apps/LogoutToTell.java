package dev.myaccount.apps;

import java.util.UUID;

/** An app to be told, by back-channel logout, that a person's sign-in to it ended. Kept until the app took it. */
record LogoutToTell(String clientId, String logoutUri, UUID accountId, String sessionId) {
}
