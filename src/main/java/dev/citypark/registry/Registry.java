package dev.citypark.registry;

import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

/**
 * The city registry as other modules read it: {@link #snapshot()} returns the current immutable
 * {@link RegistrySnapshot}. Changes build a new snapshot and swap it in (copy-on-write), so reads are lock-free and
 * always consistent. The snapshot is loaded from PostgreSQL before the web server opens. Thread-safe: writers are
 * serialised by {@link #update(UnaryOperator)}, readers never block.
 */
@Component
public class Registry {

    private volatile RegistrySnapshot snapshot = RegistrySnapshot.EMPTY;

    public RegistrySnapshot snapshot() {
        return snapshot;
    }

    void replace(RegistrySnapshot next) {
        this.snapshot = next;
    }

    /**
     * Swaps in {@code change} applied to the current snapshot. Writers are serialised so that two changes made at
     * the same time both survive; the change itself must be quick (it is a copy-on-write of the lot side).
     */
    synchronized RegistrySnapshot update(UnaryOperator<RegistrySnapshot> change) {
        RegistrySnapshot next = change.apply(snapshot);
        this.snapshot = next;
        return next;
    }
}
