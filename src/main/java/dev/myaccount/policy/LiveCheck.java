package dev.myaccount.policy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import dev.myaccount.web.RateLimiter;
import dev.myaccount.web.RateLimits;

/**
 * The answer the live checklist of every new-password page gets as the person types: which checks fail,
 * why, and how strong the password is, in the person's language. Nothing is stored.
 */
@Component
public class LiveCheck {

    record Reason(String code, String message) {
    }

    record Answer(boolean accepted, int strength, String strengthLabel, List<PolicyCheck> failedChecks,
            List<Reason> reasons) {
    }

    record Refusal(String message) {
    }

    /** Enough for typing (20 checks in any 10 seconds), too few to test a list of guesses against the policy. */
    private final RateLimiter limit;
    private final MessageSource messages;

    LiveCheck(MessageSource messages, RateLimits limits) {
        this.limit = limits.limiter("live-checks", 20, Duration.ofSeconds(10));
        this.messages = messages;
    }

    /** The verdict as JSON, or a 429 when the person (or flow) {@code who} checks too often. */
    public ResponseEntity<?> answer(Object who, Supplier<PolicyVerdict> check, Locale locale) {
        if (!limit.tryTake(who)) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .body(new Refusal(messages.getMessage("password.check.tooMany", null, locale)));
        }
        PolicyVerdict verdict = check.get();
        List<Reason> reasons = verdict.reasons().stream()
                .map(r -> new Reason(r.code(), messages.getMessage(r.messageKey(), r.arguments().toArray(), locale)))
                .toList();
        List<PolicyCheck> failed = verdict.reasons().stream().map(PolicyReason::check).distinct().toList();
        return ResponseEntity.ok(new Answer(verdict.accepted(), verdict.strength(),
                messages.getMessage("password.strength." + verdict.strength(), null, locale), failed, reasons));
    }
}
