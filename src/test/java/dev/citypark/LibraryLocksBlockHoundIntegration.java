package dev.citypark;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Short lock sections inside libraries that BlockHound reports as blocking when two threads meet in them, although
 * they are not I/O; loaded by {@code BlockHound.install()} through the service loader. Found by the hostile-input
 * campaign, where the error BlockHound throws inside the lock did real damage:
 * <ul>
 * <li>Lettuce 7 guards every command write to a shared connection with {@code io.lettuce.core.protocol.SharedLock}
 * (a {@code ReentrantLock}); an event loop and a Kafka listener writing at the same moment park for a few
 * instructions. The error thrown inside the lock wedged the shared connection: one occupancy request answered 500,
 * then every Redis command timed out. Lettuce ships no BlockHound integration.</li>
 * <li>Netty 4.2's {@code AdaptivePoolingAllocator} takes a {@code StampedLock} when it adds a magazine under
 * contention; Netty's own integration does not cover that path. The error thrown there answered a gate event with
 * 500.</li>
 * <li>Spring Data Redis's {@code LettuceConnectionFactory} hands out its one shared reactive connection under a
 * {@code ReentrantLock} ({@code doInLock}, held only to read or set the connection field); two event loops asking for
 * the connection at the same moment park for a few instructions. Found by the campaign after the analytics and search
 * reads joined the occupancy ingest on the shared connection (an occupancy request answered 500).</li>
 * </ul>
 */
public class LibraryLocksBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "decrementWriters");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "doExclusive");
        builder.allowBlockingCallsInside(
                "org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory", "doInLock");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
                "tryExpandMagazines");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
    }
}
