package dev.citypark.session;

import java.time.Instant;
import java.util.Objects;

import dev.citypark.billing.PaymentMethod;
import dev.citypark.core.DriverId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Plate;

/**
 * The payment agreement that pays a bound plate's fees at exit (无感支付).
 *
 * @param plate      the bound plate
 * @param driver     its driver
 * @param method     the channel
 * @param accountRef the provider's token for the agreement (never a card number); 1-128 characters
 * @param boundAt    when it was bound
 */
public record AutopayBinding(Plate plate, DriverId driver, PaymentMethod method, String accountRef,
                             Instant boundAt) {

    public AutopayBinding {
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(boundAt, "boundAt");
        if (accountRef == null || accountRef.isBlank() || accountRef.length() > 128) {
            throw new InvalidValueException("accountRef", "accountRef must be 1-128 characters");
        }
    }
}
