/**
 * Internals of the tariff engine: the rules and the fold. Only the billing module itself uses these types.
 *
 * <h2>The fold</h2>
 * A {@link dev.citypark.billing.tariff.TariffVersion} sorts its rules by {@link dev.citypark.billing.tariff.Phase}
 * (stable, so within a phase the file order counts) and folds them over a {@link dev.citypark.billing.tariff.Ledger}:
 * <ol>
 *   <li>{@code GRACE}: {@link dev.citypark.billing.tariff.PostPaymentGrace} may end the chargeable window at the
 *       payment time;</li>
 *   <li>{@code WINDOW}: {@link dev.citypark.billing.tariff.FreeMinutes} in {@code DEDUCTED} mode moves the window's
 *       start;</li>
 *   <li>{@code CHARGE}: exactly one charging rule ({@link dev.citypark.billing.tariff.ChargingScheme} or
 *       {@link dev.citypark.billing.tariff.DayNightBands}) cuts the window into billing units and prices each as a
 *       {@link dev.citypark.billing.tariff.Charge};</li>
 *   <li>{@code ADJUST}: caps, multipliers, discounts and free-stay rules change the charges' net amounts and add one
 *       breakdown line per change, whose amount is exactly the change.</li>
 * </ol>
 * Billing units are laid from the start of each charged segment; a partial last unit is charged in full; a unit's
 * price is chosen by the stay time elapsed at the unit's start; caps and periods assign a unit by its start.
 */
package dev.citypark.billing.tariff;
