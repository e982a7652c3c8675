package dev.citypark.core;

import java.util.List;
import java.util.Objects;

/**
 * Several inputs were refused at once (a batch with more than one bad element, say); the web layer answers one 400
 * problem listing every offending field. The first problem is also this exception's own field.
 */
public class InvalidValuesException extends InvalidValueException {

    /** One refused input: its field (a JSON path such as {@code events[3].observedAt}) and why. */
    public record FieldProblem(String field, String message) {

        public FieldProblem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    private final List<FieldProblem> problems;

    public InvalidValuesException(String message, List<FieldProblem> problems) {
        super(problems.isEmpty() ? "" : problems.get(0).field(), message);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("at least one problem expected");
        }
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
