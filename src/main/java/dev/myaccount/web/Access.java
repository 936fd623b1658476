package dev.myaccount.web;

/**
 * Who may open what: the paths open to all (the sign-in page, the password reset, an app's refused sign-in, assets,
 * the error page),
 * the authority of a person who has done every sign-in step, and the step a person half-way through must
 * finish first.
 */
public final class Access {

    public static final String[] PUBLIC_PATHS = {"/signin", "/reset", "/reset/**", "/access-pass", "/access-pass/**",
        "/apps/refused", "/css/**", "/js/**", "/favicon.svg", "/error"};

    public static final String SIGNED_IN = "SIGNED_IN";

    public static final String SECOND_STEP = "/signin/verify";

    private Access() {
    }
}
