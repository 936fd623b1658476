package dev.myaccount.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.springframework.context.MessageSource;

/** Why a command did nothing, printed in the admin pages' words. */
final class Refusals {

    private Refusals() {
    }

    /** Prints the refusal and gives the command's exit code. */
    static int print(PrintWriter err, MessageSource messages, String messageKey, Object... arguments) {
        err.println(messages.getMessage(messageKey, arguments, Locale.ENGLISH));
        return 1;
    }
}
