package dev.citypark.session;

import java.util.Objects;
import java.util.Optional;

/**
 * What an exit decision needs to know about a plate, read in one query: its autopay agreement, if any, and its
 * city-wide arrears.
 */
public record Standing(Optional<AutopayBinding> autopay, Arrears arrears) {

    public Standing {
        Objects.requireNonNull(autopay, "autopay");
        Objects.requireNonNull(arrears, "arrears");
    }
}
