package dev.myaccount.credential;

import org.springframework.security.crypto.password.PasswordEncoder;

/** Hashes and checks the NFKC form of a password, whatever form it was typed in. */
final class NormalisingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;

    NormalisingPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(PasswordNormalisation.normalise(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return delegate.matches(PasswordNormalisation.normalise(rawPassword), encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }
}
