package dev.citypark.availability;

/**
 * Spaces of one category at a place; {@code free + occupied + unknown == capacity}.
 *
 * @param capacity spaces of this category (from the registry)
 * @param free     spaces known to be free
 * @param occupied spaces known to be occupied
 * @param unknown  spaces whose state is not known (stale or never reported)
 */
public record CategoryAvailability(int capacity, int free, int occupied, int unknown) {

    public CategoryAvailability {
        if (capacity < 0 || free < 0 || occupied < 0 || unknown < 0 || free + occupied + unknown != capacity) {
            throw new IllegalArgumentException("inconsistent category counts: capacity " + capacity + ", free " + free
                    + ", occupied " + occupied + ", unknown " + unknown);
        }
    }

    public static CategoryAvailability unknown(int capacity) {
        return new CategoryAvailability(capacity, 0, 0, capacity);
    }
}
