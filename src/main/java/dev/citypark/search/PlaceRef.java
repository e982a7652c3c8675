package dev.citypark.search;

import java.util.Objects;

/**
 * A place whose live availability is asked for: a lot id, a segment id or a bay id, with its kind.
 *
 * @param kind what the id names
 * @param id   the lot, segment or bay id
 */
public record PlaceRef(PlaceKind kind, String id) {

    public PlaceRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
