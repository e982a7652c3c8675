/**
 * Drivers' search: the nearest places with a free space of the wanted category.
 * <p>
 * {@link dev.citypark.search.SearchCandidates} finds the places within a geodesic radius in the registry's STRtree
 * indexes (lots, street segments, and the bays of sensed segments); {@link dev.citypark.search.NearestSearch} joins
 * them with live counts through the {@link dev.citypark.search.LiveAvailability} port (implemented by an adapter over
 * the availability capability's API), ranks them, predicts availability at an arrival time with a
 * {@link dev.citypark.search.TrendPredictor}, and prices the stay with {@code billing.Tariffs}.
 */
package dev.citypark.search;
