package dev.myaccount.session;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;

/** A signed-in session's CSRF token, which every page with a form reads: its header, field and value. */
@Component
class CompactCsrfToken implements CompactSessionValue {

    @Override
    public byte id() {
        return 2;
    }

    @Override
    public boolean writes(Object value) {
        return value.getClass() == DefaultCsrfToken.class;
    }

    @Override
    public void write(Object value, DataOutput out) throws IOException {
        CsrfToken token = (CsrfToken) value;
        CompactFields.writeText(out, token.getHeaderName());
        CompactFields.writeText(out, token.getParameterName());
        CompactFields.writeText(out, token.getToken());
    }

    @Override
    public Object read(DataInput in) throws IOException {
        return new DefaultCsrfToken(CompactFields.readText(in), CompactFields.readText(in), CompactFields.readText(in));
    }
}
