package dev.citypark.registry;

/**
 * A floor of a garage.
 *
 * @param level signed level: negative underground (-2 = B2), positive above ground (3 = L3)
 * @param name  the name on the signs, e.g. "B2", "L3" (1–16 characters)
 */
public record Floor(int level, String name) {

    public Floor {
        name = Checks.text("name", name, 16);
    }
}
