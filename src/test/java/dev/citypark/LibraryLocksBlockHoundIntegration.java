package dev.citypark;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lettuce 7 guards every command write to a shared connection with a short {@code ReentrantLock} section
 * ({@code io.lettuce.core.protocol.SharedLock#incrementWriters}); when an event loop and another thread (a Kafka
 * listener waiting for a pipelined batch) write at the same moment, one of them parks for the few instructions the
 * other holds it. That is not blocking I/O, but BlockHound reports it — and the error thrown inside Lettuce's lock
 * wedged the shared connection, so every later Redis command timed out (found by the hostile-input campaign: one
 * occupancy request answered 500, then the whole application stalled). Lettuce ships no BlockHound integration, so
 * the tests declare the section allowed (loaded by {@code BlockHound.install()} through the service loader).
 */
public class LettuceBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "decrementWriters");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "doExclusive");
    }
}
