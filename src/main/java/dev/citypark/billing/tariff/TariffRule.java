package dev.citypark.billing.tariff;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One rule of a tariff version: a step of the fold over a {@link Ledger}. In {@code tariffs.json} a rule is an object
 * whose {@code type} is the rule's class name, e.g. {@code {"type":"StayCap","capFen":20000}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = UnitRate.class, name = "UnitRate"),
        @JsonSubTypes.Type(value = FirstHourThenHourly.class, name = "FirstHourThenHourly"),
        @JsonSubTypes.Type(value = TieredUnitRate.class, name = "TieredUnitRate"),
        @JsonSubTypes.Type(value = FlatRate.class, name = "FlatRate"),
        @JsonSubTypes.Type(value = DayNightBands.class, name = "DayNightBands"),
        @JsonSubTypes.Type(value = FreeMinutes.class, name = "FreeMinutes"),
        @JsonSubTypes.Type(value = DailyCap.class, name = "DailyCap"),
        @JsonSubTypes.Type(value = StayCap.class, name = "StayCap"),
        @JsonSubTypes.Type(value = LargeVehicleMultiplier.class, name = "LargeVehicleMultiplier"),
        @JsonSubTypes.Type(value = NewEnergyDiscount.class, name = "NewEnergyDiscount"),
        @JsonSubTypes.Type(value = NewEnergyFreePeriod.class, name = "NewEnergyFreePeriod"),
        @JsonSubTypes.Type(value = MonthlyPassFree.class, name = "MonthlyPassFree"),
        @JsonSubTypes.Type(value = PostPaymentGrace.class, name = "PostPaymentGrace")
})
public sealed interface TariffRule permits ChargingScheme, DayNightBands, FreeMinutes, DailyCap, StayCap,
        LargeVehicleMultiplier, NewEnergyDiscount, NewEnergyFreePeriod, MonthlyPassFree, PostPaymentGrace {

    /** When the rule runs in the fold. */
    Phase phase();

    /** The ledger after this rule. */
    Ledger apply(Ledger ledger);

    /** The rule's name in breakdown lines and in {@code tariffs.json}. */
    default String ruleName() {
        return getClass().getSimpleName();
    }
}
