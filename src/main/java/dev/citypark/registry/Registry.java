package dev.citypark.registry;

import org.springframework.stereotype.Component;

/**
 * The city registry as other modules read it: {@link #snapshot()} returns the current immutable
 * {@link RegistrySnapshot}. Changes build a new snapshot and swap it in (copy-on-write), so reads are lock-free and
 * always consistent. The snapshot is loaded from PostgreSQL before the web server opens.
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
}
