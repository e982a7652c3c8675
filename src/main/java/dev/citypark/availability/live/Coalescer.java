package dev.citypark.availability.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.citypark.availability.PlaceRef;

/**
 * Rate-limits changes per place: the first change of a place is due at once, later ones at most once per interval
 * (the latest state is read when the change is due, so nothing is lost, only merged). Thread-safe (synchronized; the
 * work per call is small).
 */
final class Coalescer {

    private final long intervalMillis;
    private final Map<PlaceRef, Long> lastDue = new HashMap<>();
    private final Map<PlaceRef, Long> pending = new LinkedHashMap<>();
    private long lastPrune;

    Coalescer(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /** A place changed at {@code nowMillis}. */
    synchronized void offer(PlaceRef place, long nowMillis) {
        if (pending.containsKey(place)) {
            return;
        }
        Long last = lastDue.get(place);
        pending.put(place, last == null ? nowMillis : Math.max(nowMillis, last + intervalMillis));
    }

    /** The places whose change is due at {@code nowMillis}, in the order they changed; they are then not pending. */
    synchronized List<PlaceRef> drainDue(long nowMillis) {
        List<PlaceRef> due = new ArrayList<>();
        for (Iterator<Map.Entry<PlaceRef, Long>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<PlaceRef, Long> entry = it.next();
            if (entry.getValue() <= nowMillis) {
                due.add(entry.getKey());
                lastDue.put(entry.getKey(), nowMillis);
                it.remove();
            }
        }
        if (nowMillis - lastPrune >= intervalMillis) {
            lastDue.values().removeIf(at -> at <= nowMillis - intervalMillis);
            lastPrune = nowMillis;
        }
        return due;
    }

    synchronized int pendingCount() {
        return pending.size();
    }
}
