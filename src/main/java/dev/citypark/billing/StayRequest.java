package dev.citypark.billing;

import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Money;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A stay to price.
 *
 * @param entry       when the vehicle entered
 * @param exit        when it leaves (or "now" for a running quote); not before {@code entry}
 * @param size        vehicle size class
 * @param newEnergy   a new-energy vehicle (green plate, 新能源)
 * @param monthlyPass the vehicle holds a valid monthly pass for the place
 * @param paidAt      when the driver last paid for this stay, if they did; within {@code [entry, exit]}
 * @param alreadyPaid how much the driver already paid for this stay (zero or more); credited against the fee
 */
public record StayRequest(Instant entry, Instant exit, VehicleSize size, boolean newEnergy, boolean monthlyPass,
                          Optional<Instant> paidAt, Money alreadyPaid) {

    public StayRequest {
        if (entry == null) {
            throw new InvalidValueException("entry", "entry is required");
        }
        if (exit == null) {
            throw new InvalidValueException("exit", "exit is required");
        }
        if (exit.isBefore(entry)) {
            throw new InvalidValueException("exit", "exit " + exit + " is before entry " + entry);
        }
        if (size == null) {
            throw new InvalidValueException("size", "size is required");
        }
        if (paidAt == null) {
            throw new InvalidValueException("paidAt", "paidAt must be an Optional, not null");
        }
        if (paidAt.isPresent() && (paidAt.get().isBefore(entry) || paidAt.get().isAfter(exit))) {
            throw new InvalidValueException("paidAt",
                    "paidAt " + paidAt.get() + " must lie between entry " + entry + " and exit " + exit);
        }
        if (alreadyPaid == null) {
            throw new InvalidValueException("alreadyPaid", "alreadyPaid is required (use Money.ZERO)");
        }
        if (alreadyPaid.isNegative()) {
            throw new InvalidValueException("alreadyPaid", "alreadyPaid must not be negative, was " + alreadyPaid);
        }
    }

    /** A small, ordinary vehicle that has paid nothing yet. */
    public static StayRequest of(Instant entry, Instant exit) {
        return new StayRequest(entry, exit, VehicleSize.SMALL, false, false, Optional.empty(), Money.ZERO);
    }

    public StayRequest withSize(VehicleSize newSize) {
        return new StayRequest(entry, exit, newSize, newEnergy, monthlyPass, paidAt, alreadyPaid);
    }

    public StayRequest withNewEnergy(boolean isNewEnergy) {
        return new StayRequest(entry, exit, size, isNewEnergy, monthlyPass, paidAt, alreadyPaid);
    }

    public StayRequest withMonthlyPass(boolean hasMonthlyPass) {
        return new StayRequest(entry, exit, size, newEnergy, hasMonthlyPass, paidAt, alreadyPaid);
    }

    /** The same stay after the driver paid {@code amount} at {@code at}. */
    public StayRequest withPayment(Instant at, Money amount) {
        return new StayRequest(entry, exit, size, newEnergy, monthlyPass, Optional.of(at), amount);
    }

    public StayRequest withExit(Instant newExit) {
        return new StayRequest(entry, newExit, size, newEnergy, monthlyPass, paidAt, alreadyPaid);
    }

    public Duration duration() {
        return Duration.between(entry, exit);
    }
}
