package dev.citypark.billing.tariff;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.List;

/**
 * A way to price a span of time as billing units. Used on its own as a tariff's charging rule (pricing the whole
 * chargeable window as one segment) or inside {@link DayNightBands} (pricing each band segment).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = UnitRate.class, name = "UnitRate"),
        @JsonSubTypes.Type(value = FirstHourThenHourly.class, name = "FirstHourThenHourly"),
        @JsonSubTypes.Type(value = TieredUnitRate.class, name = "TieredUnitRate"),
        @JsonSubTypes.Type(value = FlatRate.class, name = "FlatRate")
})
public sealed interface ChargingScheme extends TariffRule permits UnitRate, FirstHourThenHourly, TieredUnitRate,
        FlatRate {

    /**
     * Prices {@code [segmentFrom, segmentTo)}. Units are laid from {@code segmentFrom}; a partial last unit is
     * charged in full; elapsed-time pricing measures from {@code chargeStart} (the start of the chargeable window).
     * An empty segment yields no charges.
     */
    List<Charge> charge(Instant segmentFrom, Instant segmentTo, Instant chargeStart);

    @Override
    default Phase phase() {
        return Phase.CHARGE;
    }

    @Override
    default Ledger apply(Ledger ledger) {
        return ledger.withCharges(charge(ledger.chargeFrom(), ledger.chargeTo(), ledger.chargeFrom()));
    }
}
