package dev.myaccount.admin;

/** Page numbers as addresses carry them: a number from 0 to 100,000, anything else the first page. */
final class Paging {

    private static final int LAST = 100_000;

    private Paging() {
    }

    static int number(String typed) {
        try {
            return Math.max(0, Math.min(Integer.parseInt(typed), LAST));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
