package dev.citypark.session;

import java.util.Objects;

import dev.citypark.billing.VehicleSize;
import dev.citypark.core.Plate;
import dev.citypark.core.PlateColour;

/**
 * A vehicle as a camera or attendant reported it: the plate and its background colour. The colour decides how the
 * tariff sees it: yellow plates are large vehicles, green plates new-energy vehicles (as is any plate in a
 * new-energy format, whatever colour was reported).
 */
public record Vehicle(Plate plate, PlateColour colour) {

    public Vehicle {
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(colour, "colour");
    }

    public VehicleSize size() {
        return colour == PlateColour.YELLOW ? VehicleSize.LARGE : VehicleSize.SMALL;
    }

    public boolean newEnergy() {
        return colour == PlateColour.GREEN || plate.isNewEnergy();
    }
}
