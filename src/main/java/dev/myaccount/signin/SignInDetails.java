package dev.myaccount.signin;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.stereotype.Component;

import dev.myaccount.audit.RequestOrigin;

/**
 * What a door that checks a secret knows of the browser besides the secret: where it is, and its device cookie. The
 * web layer makes it of the request ({@link Source}) and hands it to the services.
 */
public record SignInDetails(RequestOrigin origin, String deviceId) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    Optional<String> device() {
        return Optional.ofNullable(deviceId);
    }

    @Component
    public static final class Source implements AuthenticationDetailsSource<HttpServletRequest, SignInDetails> {

        private final FamiliarDevices devices;

        Source(FamiliarDevices devices) {
            this.devices = devices;
        }

        @Override
        public SignInDetails buildDetails(HttpServletRequest request) {
            return new SignInDetails(RequestOrigin.of(request), devices.deviceId(request).orElse(null));
        }
    }
}
