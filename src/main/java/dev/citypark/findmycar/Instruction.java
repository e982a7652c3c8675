package dev.citypark.findmycar;

import java.util.Objects;

/**
 * One turn-by-turn step of a walking route, in Chinese and English.
 *
 * @param kind   what to do
 * @param zh     the Chinese text, e.g. "沿C区通道直行40米"
 * @param en     the English text, e.g. "Walk 40 m along aisle B2-C"
 * @param metres walking metres this step covers (for elevators and stairs the walking-equivalent cost), 0 for turns
 * @param floor  the floor level the step starts on
 */
public record Instruction(InstructionKind kind, String zh, String en, double metres, int floor) {

    public Instruction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
        if (!Double.isFinite(metres) || metres < 0) {
            throw new IllegalArgumentException("metres must be >= 0, was " + metres);
        }
    }
}
