package dev.citypark.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The result of a session transition: the new state and the events announcing it, to be written together (the
 * state row and the outbox rows in one transaction).
 */
public record Transition<S extends Session>(S state, List<SessionEvent> events) {

    public Transition {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(events);
    }

    /** The same events with the state changed in a way that announces nothing (e.g. {@link Session.Closed#awaiting}). */
    public Transition<S> map(UnaryOperator<S> change) {
        return new Transition<>(change.apply(state), events);
    }

    /** Applies a further transition to the new state; the events of both, in order. */
    public <T extends Session> Transition<T> then(Function<S, Transition<T>> next) {
        Transition<T> after = next.apply(state);
        List<SessionEvent> all = new ArrayList<>(events);
        all.addAll(after.events());
        return new Transition<>(after.state(), all);
    }
}
