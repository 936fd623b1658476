package dev.myaccount.people;

/** An organisation's own directory did not answer (down, unreachable, too slow): nothing is known or changed. */
public class DirectoryUnreachableException extends RuntimeException {

    public DirectoryUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
