package dev.myaccount.credential;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The Argon2id implementations measured again while the portal runs ({@link FastestArgon2id#measureAgain}): half a
 * minute after start, when a start-up's bad moment has passed, and then every ten minutes. It takes a turn of the
 * hashing gate as a sign-in does (0.1–0.5 s of one processor), and waits for it no longer than a sign-in would.
 */
@Component
class Argon2idMeasuredAgain {

    private static final Logger log = LoggerFactory.getLogger(Argon2idMeasuredAgain.class);

    private final FastestArgon2id fastest;
    private final HashingGate gate;

    Argon2idMeasuredAgain(FastestArgon2id fastest, HashingGate gate) {
        this.fastest = fastest;
        this.gate = gate;
    }

    @Scheduled(initialDelay = 30, fixedDelay = 600, timeUnit = TimeUnit.SECONDS)
    void measure() {
        // Most portals chose libsodium and let libargon2 go: they have nothing to measure and take no turn for it.
        if (!fastest.measuresAgain()) {
            return;
        }
        try {
            gate.measure(fastest::measureAgain);
        } catch (HashingBusyException busy) {
            log.debug("Argon2id not measured again: hashing was too busy");
        }
    }
}
