package dev.myaccount.signin;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.myaccount.session.CompactFields;
import dev.myaccount.session.CompactSessionValue;

/** The facts of a session's sign-in, written at every sign-in: its id, when it finished and its methods. */
@Component
class CompactSignInFacts implements CompactSessionValue {

    /** More than RFC 8176 names, so that damaged bytes cannot ask for a huge list. */
    private static final int MOST_METHODS = 64;

    @Override
    public byte id() {
        return 4;
    }

    @Override
    public boolean writes(Object value) {
        return value.getClass() == SignInFacts.class;
    }

    @Override
    public void write(Object value, DataOutput out) throws IOException {
        SignInFacts facts = (SignInFacts) value;
        CompactFields.writeText(out, facts.id());
        CompactFields.writeInstant(out, facts.at());
        out.writeInt(facts.methods().size());
        for (String method : facts.methods()) {
            CompactFields.writeText(out, method);
        }
    }

    @Override
    public Object read(DataInput in) throws IOException {
        String id = CompactFields.readText(in);
        var at = CompactFields.readInstant(in);
        int count = in.readInt();
        if (count < 0 || count > MOST_METHODS) {
            throw new IOException("A sign-in of " + count + " methods");
        }
        List<String> methods = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String method = CompactFields.readText(in);
            if (method == null) {
                throw new IOException("A sign-in's method that is missing");
            }
            methods.add(method);
        }
        return new SignInFacts(id, at, methods);
    }
}
