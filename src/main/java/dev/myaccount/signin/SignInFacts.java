package dev.myaccount.signin;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;

/**
 * What an app is told of the sign-in behind a session: its own id (OpenID Connect's {@code sid}), when it
 * finished, and how the person proved who they are, as RFC 8176 names the methods ({@code pwd}, {@code otp},
 * {@code sms}, {@code hwk}, {@code mfa}). Kept in the session by {@link SignInCompletion}, renewed when the person
 * confirms who they are.
 */
public record SignInFacts(String id, Instant at, List<String> methods) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String ATTRIBUTE = SignInFacts.class.getName();

    private static final StringKeyGenerator IDS = new Base64StringKeyGenerator(
            Base64.getUrlEncoder().withoutPadding(), 16);

    public SignInFacts {
        methods = List.copyOf(methods);
    }

    /** The facts of the sign-in of the request's session, when it has one that finished. */
    public static Optional<SignInFacts> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((SignInFacts) session.getAttribute(ATTRIBUTE));
    }

    /**
     * The person proved who they are again (confirming their identity), with their password and, when {@code method}
     * is not null, that second step: the sign-in keeps its id and takes the new time and methods.
     */
    static void renew(HttpServletRequest request, String method, Instant at) {
        // A session signed in before sign-ins kept their facts gets them now, with a new id.
        String id = of(request).map(SignInFacts::id).orElseGet(SignInFacts::newId);
        request.getSession().setAttribute(ATTRIBUTE, new SignInFacts(id, at, methods(SignInDoor.SIGN_IN, method)));
    }

    /** A new sign-in's id: 128 random bits. */
    static String newId() {
        return IDS.generateKey();
    }

    /** The methods of a sign-in at {@code door} whose last step was {@code method} (null: the password alone). */
    static List<String> methods(SignInDoor door, String method) {
        if (door == SignInDoor.ACCESS_PASS) {
            return List.of("otp");
        }
        if (method == null) {
            return List.of("pwd");
        }
        return switch (method) {
            case PasskeySignIn.METHOD -> List.of("hwk", "mfa");
            case "PHONE" -> List.of("pwd", "sms", "mfa");
            default -> List.of("pwd", "otp", "mfa");
        };
    }
}
