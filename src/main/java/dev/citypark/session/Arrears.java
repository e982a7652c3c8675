package dev.citypark.session;

import java.time.Instant;
import java.util.Optional;

import dev.citypark.core.Money;

/**
 * What a plate owes city-wide: its unpaid bills, across every operator.
 *
 * @param count        how many unpaid bills
 * @param total        their sum
 * @param oldestIssued when the oldest was issued
 */
public record Arrears(long count, Money total, Optional<Instant> oldestIssued) {

    public static final Arrears NONE = new Arrears(0, Money.ZERO, Optional.empty());
}
