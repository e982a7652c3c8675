package dev.citypark.registry;

/**
 * The outcome of an operator's lot write.
 *
 * @param lot     the lot as stored, with its new version
 * @param created whether the write created the lot (else it updated it)
 */
public record LotWrite(Lot lot, boolean created) {
}
