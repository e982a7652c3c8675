package dev.citypark.registry;

/**
 * A signed zone of a garage floor, e.g. "C区" on B2.
 *
 * @param id    id unique within the garage, e.g. "B2-C"
 * @param floor the floor level the zone is on
 * @param name  the name on the signs, e.g. "C区"
 */
public record Zone(String id, int floor, String name) {

    public Zone {
        Checks.localId("id", id);
        name = Checks.text("name", name, 32);
    }
}
