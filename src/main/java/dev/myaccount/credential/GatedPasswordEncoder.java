package dev.myaccount.credential;

import org.springframework.security.crypto.password.PasswordEncoder;

/** Every hash, made or checked, passes the gate; upgrade checks only read parameters and do not. */
final class GatedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final HashingGate gate;

    GatedPasswordEncoder(PasswordEncoder delegate, HashingGate gate) {
        this.delegate = delegate;
        this.gate = gate;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return gate.run(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return gate.run(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }
}
