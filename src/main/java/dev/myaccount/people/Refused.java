package dev.myaccount.people;

/** Rolls back a change that turned out not to be allowed, with the message key of why. */
final class Refused extends RuntimeException {

    private final String messageKey;

    Refused(String messageKey) {
        super(null, null, false, false);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
