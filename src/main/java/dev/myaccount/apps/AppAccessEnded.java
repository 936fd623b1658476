package dev.myaccount.apps;

import java.util.UUID;

/** A person's access to one app ended, while the rest of their access stays: the app's stream is told. */
record AppAccessEnded(String registeredClientId, UUID accountId) {
}
