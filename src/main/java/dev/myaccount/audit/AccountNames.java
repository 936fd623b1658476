package dev.myaccount.audit;

import java.util.Optional;
import java.util.UUID;

/** Who an account is when an event is recorded, which the log keeps for ever: the people core answers. */
public interface AccountNames {

    record Named(String upn, String displayName) {
    }

    Optional<Named> of(UUID accountId);
}
