/**
 * Turns to run: how many requests run at once, and a request's wait outside the portal's processors (a hash, a
 * directory, a mail server), during which it lets its turn go. Depends on no other module; those that wait use it.
 */
package dev.myaccount.running;
