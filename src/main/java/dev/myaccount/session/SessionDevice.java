package dev.myaccount.session;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/** What a session remembers of the browser that signed in, for the Devices page. */
public record SessionDevice(String browser, String operatingSystem, String clientAddress, Instant signedInAt)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The session attribute it is kept under; only sessions that finished signing in have it. */
    public static final String ATTRIBUTE = SessionDevice.class.getName();
}
