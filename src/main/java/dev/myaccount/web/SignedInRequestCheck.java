package dev.myaccount.web;

/** A check of every request of a signed-in person, on the portal's pages and on the apps' sign-in endpoints. */
public interface SignedInRequestCheck extends SecurityPart {
}
