package dev.myaccount.credential;

/** One implementation of Argon2id: makes and checks PHC strings from the password's bytes, never keeping them. */
interface Argon2idHasher {

    /** A PHC string of the password with a fresh random salt and the configured parameters. */
    String hash(byte[] password);

    /** Whether the password matches the PHC string, compared in constant time. */
    boolean verify(byte[] password, String phc);

    /** Its name, for the log and the health details. */
    String implementation();
}
