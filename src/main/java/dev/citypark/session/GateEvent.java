package dev.citypark.session;

import java.time.Instant;
import java.util.Optional;

import dev.citypark.core.BayId;
import dev.citypark.core.GateId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.Plate;
import dev.citypark.core.PlateColour;

/**
 * A gate camera read a plate: a vehicle entered or left a lot. Arrives over REST or Kafka; validated here, so a bad
 * message fails at the border with the offending field named. Whether the lot, gate and bay exist and belong to the
 * sender, and whether {@code observedAt} lies in the future, is checked against the registry and the clock when it
 * is handled.
 *
 * @param lot         the lot
 * @param gate        the gate of that lot
 * @param direction   entry or exit
 * @param plate       the plate as read (normalised and validated by {@link Plate#of})
 * @param plateColour the plate's background colour
 * @param observedAt  when the camera saw it
 * @param evidence    the reading's confidence and optional image reference
 * @param bay         the bay, when the garage's cameras placed the car (an indoor bay of this lot)
 */
public record GateEvent(LotId lot, GateId gate, Direction direction, Plate plate, PlateColour plateColour,
                        Instant observedAt, Evidence evidence, Optional<BayId> bay) {

    public GateEvent {
        require("lotId", lot);
        require("gateId", gate);
        require("direction", direction);
        require("plate", plate);
        require("plateColour", plateColour);
        require("observedAt", observedAt);
        require("confidence", evidence);
        bay = bay == null ? Optional.empty() : bay;
    }

    /**
     * Builds an event from wire values, each parsed by its value object; the first invalid one is reported with its
     * field name.
     */
    public static GateEvent parse(String lotId, String gateId, String direction, String plate, String plateColour,
            Instant observedAt, Double confidence, String imageRef, String bayId) {
        return new GateEvent(
                lotId == null ? null : LotId.of(lotId),
                gateId == null ? null : GateId.of(gateId),
                parseDirection(direction),
                plate == null ? null : Plate.of(plate),
                plateColour == null ? null : PlateColour.parse(plateColour),
                observedAt,
                new Evidence(confidence == null ? 1.0 : confidence, Optional.ofNullable(imageRef)),
                bayId == null || bayId.isBlank() ? Optional.empty() : Optional.of(BayId.of(bayId)));
    }

    private static Direction parseDirection(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Direction.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidValueException("direction", "direction must be ENTRY or EXIT");
        }
    }

    public Vehicle vehicle() {
        return new Vehicle(plate, plateColour);
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw new InvalidValueException(field, field + " is required");
        }
    }
}
