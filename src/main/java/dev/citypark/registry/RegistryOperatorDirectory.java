package dev.citypark.registry;

import dev.citypark.core.OperatorId;
import dev.citypark.security.OperatorDirectory;
import org.springframework.stereotype.Component;

/** The registry answers security's question which operators exist, from the current snapshot. */
@Component
class RegistryOperatorDirectory implements OperatorDirectory {

    private final Registry registry;

    RegistryOperatorDirectory(Registry registry) {
        this.registry = registry;
    }

    @Override
    public boolean isRegistered(OperatorId id) {
        return registry.snapshot().findOperator(id).isPresent();
    }
}
