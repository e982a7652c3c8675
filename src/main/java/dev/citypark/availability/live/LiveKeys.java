package dev.citypark.availability.live;

import dev.citypark.availability.PlaceRef;
import dev.citypark.occupancy.PlaceKind;

/**
 * Redis keys of live availability. Every key of a place carries the place's hash tag ({@code {L:<lotId>}} or
 * {@code {S:<segmentId>}}), so a place's keys share one Redis Cluster slot and one script may touch them all; no
 * command spans places.
 */
public final class LiveKeys {

    /** Pub/sub channel: comma-separated {@code L:<id>}/{@code S:<id>} of places whose state changed. */
    public static final String CHANGES_CHANNEL = "av:changes";

    /** Instance-independent facts about the live state (generation, replay offsets). */
    public static final String META = "av:{meta}";

    /** Lock held while Redis is rebuilt from a snapshot. */
    public static final String REBUILD_LOCK = "av:{meta}:rebuild";

    private LiveKeys() {
    }

    /** {@code L:<id>} or {@code S:<id>}: the hash tag body and the pub/sub token of a place. */
    public static String token(PlaceRef place) {
        return (place.kind() == PlaceKind.LOT ? "L:" : "S:") + place.id();
    }

    public static PlaceRef fromToken(String token) {
        if (token.length() > 2 && token.charAt(1) == ':') {
            if (token.charAt(0) == 'L') {
                return PlaceRef.lot(token.substring(2));
            }
            if (token.charAt(0) == 'S') {
                return PlaceRef.segment(token.substring(2));
            }
        }
        throw new IllegalArgumentException("not a place token: " + token);
    }

    /** The place's hash: counts, status, bay states. */
    public static String place(PlaceRef place) {
        return "av:{" + token(place) + "}";
    }

    /** The place's recent flows (de-duplication and re-application after a late count). */
    public static String flows(PlaceRef place) {
        return "av:{" + token(place) + "}:flows";
    }
}
