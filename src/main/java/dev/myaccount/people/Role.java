package dev.myaccount.people;

/** What a person may do in an organisation they belong to. */
public enum Role {
    MEMBER, ADMIN
}
