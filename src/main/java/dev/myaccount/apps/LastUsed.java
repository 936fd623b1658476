package dev.myaccount.apps;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A map that keeps its last used entries, the least recently used leaving first; safe to share between threads. */
final class LastUsed {

    private LastUsed() {
    }

    static <K, V> Map<K, V> keeping(int most) {
        return Collections.synchronizedMap(new LinkedHashMap<>(most, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > most;
            }
        });
    }
}
