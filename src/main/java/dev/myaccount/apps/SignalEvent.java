package dev.myaccount.apps;

import java.util.Arrays;
import java.util.List;

/**
 * The security events a stream may ask for (the CAEP interoperability profile's and RISC's), and the verification
 * event every stream gets when its receiver asks for one (SSF 1.0, 8.1.4).
 */
enum SignalEvent {
    SESSION_REVOKED("https://schemas.openid.net/secevent/caep/event-type/session-revoked"),
    CREDENTIAL_CHANGE("https://schemas.openid.net/secevent/caep/event-type/credential-change"),
    ACCOUNT_DISABLED("https://schemas.openid.net/secevent/risc/event-type/account-disabled"),
    ACCOUNT_ENABLED("https://schemas.openid.net/secevent/risc/event-type/account-enabled"),
    VERIFICATION("https://schemas.openid.net/secevent/ssf/event-type/verification");

    final String uri;

    SignalEvent(String uri) {
        this.uri = uri;
    }

    /** What a receiver may ask for: all but verification, which is never asked for and always delivered. */
    static List<String> supported() {
        return Arrays.stream(values()).filter(event -> event != VERIFICATION).map(event -> event.uri).toList();
    }
}
