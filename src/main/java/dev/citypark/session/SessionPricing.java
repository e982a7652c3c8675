package dev.citypark.session;

import java.time.Instant;

import dev.citypark.billing.StayRequest;
import dev.citypark.billing.Tariffs;
import dev.citypark.core.InvalidValueException;
import org.springframework.stereotype.Component;

/** Prices a stay with the tariff of its place: yellow plates as large vehicles, green ones as new-energy. */
@Component
class SessionPricing {

    private final Tariffs tariffs;

    SessionPricing(Tariffs tariffs) {
        this.tariffs = tariffs;
    }

    /** @throws InvalidValueException (field {@code observedAt}) when the exit is before the entry */
    Fee fee(Stay stay, Instant exitAt) {
        if (exitAt.isBefore(stay.entryAt())) {
            throw new InvalidValueException("observedAt", "exit at " + exitAt + " is earlier than the session's entry at "
                    + stay.entryAt());
        }
        StayRequest request = StayRequest.of(stay.entryAt(), exitAt)
                .withSize(stay.vehicle().size())
                .withNewEnergy(stay.vehicle().newEnergy());
        return Fee.of(tariffs.quote(stay.place().tariff(), request));
    }
}
