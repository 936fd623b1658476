package dev.myaccount.policy;

/** The checks a person sees in the checklist on the Change password page; each reason belongs to one. */
public enum PolicyCheck {
    LENGTH, CHARACTERS, LEAKED, PREDICTABLE, PATTERNS, STRENGTH, HISTORY
}
