/**
 * Billing: the tariff engine. Tariffs are data ({@code geo-data/tariffs.json}, see {@link dev.citypark.billing.Tariffs}),
 * each a list of dated versions of small named rules; {@link dev.citypark.billing.Tariff#quote(StayRequest)} folds the
 * version in force at the stay's entry over the stay and returns a {@link dev.citypark.billing.Quote} with a breakdown
 * whose lines sum exactly to the total. Local-time rules are evaluated in {@code Asia/Shanghai}; money is integer fen.
 *
 * <p>Other modules use only the types of this package; {@code dev.citypark.billing.tariff} holds the rules and the fold.
 */
package dev.citypark.billing;
