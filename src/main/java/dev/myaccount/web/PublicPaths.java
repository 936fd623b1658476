package dev.myaccount.web;

/** The paths anyone may open without signing in: the sign-in page, its assets and the error page. */
public final class PublicPaths {

    public static final String[] PATHS = {"/signin", "/css/**", "/js/**", "/favicon.svg", "/error"};

    private PublicPaths() {
    }
}
