package dev.citypark.security;

import dev.citypark.core.OperatorId;

/**
 * Which operators exist, as security needs to know before it issues an API key. Implemented by the registry (the
 * authority on operators), so that security does not depend on the registry while the registry's operator API
 * depends on {@link CurrentCaller}: a dependency in one direction only.
 */
public interface OperatorDirectory {

    /** Whether {@code id} is a registered operator. Quick and non-blocking (an in-memory lookup). */
    boolean isRegistered(OperatorId id);
}
