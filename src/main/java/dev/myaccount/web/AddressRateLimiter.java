package dev.myaccount.web;

/**
 * A {@link RateLimiter} for client addresses, which counts an IPv6 client by its /64 ({@link ClientAddresses#block}):
 * every limit per address is one of these, so none can count each of a network's addresses alone.
 */
public final class AddressRateLimiter {

    private final RateLimiter blocks;

    AddressRateLimiter(RateLimiter blocks) {
        this.blocks = blocks;
    }

    public boolean tryTake(String address) {
        return blocks.tryTake(ClientAddresses.block(address));
    }

    /** Returns a take that turned out not to count (a sign-in that succeeded). */
    public void giveBack(String address) {
        blocks.giveBack(ClientAddresses.block(address));
    }
}
