package dev.citypark.registry;

import dev.citypark.core.InvalidValueException;

/** The arrow a guidance screen shows next to a car park, relative to the driver facing the screen. */
public enum ScreenArrow {
    LEFT("←"),
    AHEAD("↑"),
    RIGHT("→"),
    AHEAD_LEFT("↖"),
    AHEAD_RIGHT("↗");

    private final String symbol;

    ScreenArrow(String symbol) {
        this.symbol = symbol;
    }

    /** The arrow character shown on the screen. */
    public String symbol() {
        return symbol;
    }

    /** From the arrow character or the constant name. */
    public static ScreenArrow fromSymbol(String field, String value) {
        for (ScreenArrow arrow : values()) {
            if (arrow.symbol.equals(value) || arrow.name().equals(value)) {
                return arrow;
            }
        }
        throw new InvalidValueException(field, field + " must be one of ← ↑ → ↖ ↗, was '" + value + "'");
    }
}
