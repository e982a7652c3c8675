package dev.citypark.session;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import dev.citypark.core.BayId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Plate;
import dev.citypark.core.PlateColour;

/**
 * An on-street bay reading from a video pole or an attendant's PDA: the bay's sensor turned occupied and the plate
 * was read (a session opens), or the bay turned free (its session closes). A {@code FREE} reading may omit the plate;
 * when it names one, it must be the plate of the bay's session.
 *
 * @param bay         the on-street bay
 * @param state       occupied or free
 * @param vehicle     the vehicle read; required when {@code OCCUPIED}
 * @param observedAt  when the sensor changed
 * @param evidence    the reading's confidence and image
 */
public record BayCheckin(BayId bay, BayState state, Optional<Vehicle> vehicle, Instant observedAt,
                         Evidence evidence) {

    public BayCheckin {
        if (bay == null) {
            throw new InvalidValueException("bayId", "bayId is required");
        }
        if (state == null) {
            throw new InvalidValueException("state", "state is required (OCCUPIED or FREE)");
        }
        vehicle = vehicle == null ? Optional.empty() : vehicle;
        if (state == BayState.OCCUPIED && vehicle.isEmpty()) {
            throw new InvalidValueException("plate", "plate is required when the bay turns OCCUPIED");
        }
        if (observedAt == null) {
            throw new InvalidValueException("observedAt", "observedAt is required");
        }
        if (evidence == null) {
            throw new InvalidValueException("confidence", "confidence is required");
        }
    }

    /** Builds a reading from wire values; the first invalid one is reported with its field name. */
    public static BayCheckin parse(String bayId, String state, String plate, String plateColour, Instant observedAt,
            Double confidence, String imageRef) {
        BayState parsedState;
        if (state == null) {
            parsedState = null;
        }
        else {
            try {
                parsedState = BayState.valueOf(state.strip().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException e) {
                throw new InvalidValueException("state", "state must be OCCUPIED or FREE");
            }
        }
        Optional<Vehicle> vehicle = Optional.empty();
        if (plate != null && !plate.isBlank()) {
            Plate parsedPlate = Plate.of(plate);
            if (plateColour == null) {
                throw new InvalidValueException("plateColour", "plateColour is required with a plate");
            }
            vehicle = Optional.of(new Vehicle(parsedPlate, PlateColour.parse(plateColour)));
        }
        return new BayCheckin(bayId == null ? null : BayId.of(bayId), parsedState, vehicle, observedAt,
                new Evidence(confidence == null ? 1.0 : confidence, Optional.ofNullable(imageRef)));
    }
}
