package dev.myaccount.session;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import org.springframework.stereotype.Component;

/** The browser that signed a session in, written at every sign-in: browser, system, address and when. */
@Component
class CompactSessionDevice implements CompactSessionValue {

    @Override
    public byte id() {
        return 5;
    }

    @Override
    public boolean writes(Object value) {
        return value.getClass() == SessionDevice.class;
    }

    @Override
    public void write(Object value, DataOutput out) throws IOException {
        SessionDevice device = (SessionDevice) value;
        CompactFields.writeText(out, device.browser());
        CompactFields.writeText(out, device.operatingSystem());
        CompactFields.writeText(out, device.clientAddress());
        CompactFields.writeInstant(out, device.signedInAt());
    }

    @Override
    public Object read(DataInput in) throws IOException {
        return new SessionDevice(CompactFields.readText(in), CompactFields.readText(in), CompactFields.readText(in),
                CompactFields.readInstant(in));
    }
}
