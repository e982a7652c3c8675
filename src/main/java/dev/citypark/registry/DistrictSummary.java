package dev.citypark.registry;

/**
 * A district with what the registry holds in it.
 *
 * @param onStreetSpaces  bays on the district's segments
 * @param offStreetSpaces the capacities of the district's lots
 */
public record DistrictSummary(District district, int lots, int segments, long onStreetSpaces, long offStreetSpaces) {

    public long totalSpaces() {
        return onStreetSpaces + offStreetSpaces;
    }
}
