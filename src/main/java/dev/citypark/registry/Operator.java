package dev.citypark.registry;

import dev.citypark.core.OperatorId;

/**
 * A company that operates lots or street segments. Every lot and segment in the registry belongs to exactly one.
 *
 * @param id   city-unique operator id
 * @param name display name (Chinese), 1–100 characters
 * @param kind what the operator runs
 */
public record Operator(OperatorId id, String name, OperatorKind kind) {

    public Operator {
        Checks.require("id", id);
        name = Checks.text("name", name, 100);
        Checks.require("kind", kind);
    }
}
