package dev.citypark.availability;

import java.util.Objects;

import dev.citypark.occupancy.PlaceKind;

/** A lot or a segment, by kind and id. */
public record PlaceRef(PlaceKind kind, String id) {

    public PlaceRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static PlaceRef lot(String id) {
        return new PlaceRef(PlaceKind.LOT, id);
    }

    public static PlaceRef segment(String id) {
        return new PlaceRef(PlaceKind.SEGMENT, id);
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
