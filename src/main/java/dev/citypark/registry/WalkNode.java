package dev.citypark.registry;

import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;

import java.util.Optional;

/**
 * A node of a garage's pedestrian walk graph.
 *
 * @param id       id unique within the garage, e.g. "B2-E1"
 * @param kind     what stands there
 * @param floor    floor level
 * @param point    position (WGS-84)
 * @param shaftId  for {@link WalkNodeKind#ELEVATOR} and {@link WalkNodeKind#STAIRS} the shaft or stairwell it
 *                 belongs to (required for those kinds, absent for others); nodes of one shaft share it
 * @param qrAnchor the id printed on the QR code at this node, city-unique, or {@code null} when there is no code
 */
public record WalkNode(String id, WalkNodeKind kind, int floor, GeoPoint point, String shaftId, String qrAnchor) {

    public WalkNode {
        Checks.localId("id", id);
        Checks.require("kind", kind);
        Checks.require("point", point);
        if (kind.changesFloor()) {
            Checks.localId("shaft", shaftId);
        } else if (shaftId != null) {
            throw new InvalidValueException("shaft", "only elevator and stairs nodes belong to a shaft, " + id
                    + " is " + kind);
        }
        if (qrAnchor != null) {
            Checks.localId("qrAnchor", qrAnchor);
        }
    }

    public Optional<String> findShaftId() {
        return Optional.ofNullable(shaftId);
    }

    public Optional<String> findQrAnchor() {
        return Optional.ofNullable(qrAnchor);
    }
}
