package dev.citypark.core;

/** City-unique id of a segment. */
public record SegmentId(String value) {

    public SegmentId {
        Ids.requireValid("segmentId", value);
    }

    public static SegmentId of(String value) {
        return new SegmentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
