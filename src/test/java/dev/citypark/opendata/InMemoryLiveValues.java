package dev.citypark.opendata;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/** Test-only {@link LiveValues}: whatever the test put in, answered in one call. */
public final class InMemoryLiveValues implements LiveValues {

    private final Map<String, LiveValue> values = new ConcurrentHashMap<>();
    private int reads;

    public InMemoryLiveValues put(String placeId, LiveValue value) {
        values.put(placeId, value);
        return this;
    }

    /** How many times {@link #forPlaces} was called. */
    public int reads() {
        return reads;
    }

    @Override
    public Mono<Map<String, LiveValue>> forPlaces(Collection<String> placeIds) {
        return Mono.fromSupplier(() -> {
            reads++;
            Map<String, LiveValue> found = new HashMap<>();
            for (String id : placeIds) {
                LiveValue value = values.get(id);
                if (value != null) {
                    found.put(id, value);
                }
            }
            return found;
        });
    }
}
