package dev.citypark.session;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for session, bill, payment, anomaly and event ids, without blocking a reactive thread.
 * {@link UUID#randomUUID()} reads {@code /dev/urandom} through a file stream on every call (the NativePRNG), which is
 * blocking I/O on an event loop; here a DRBG seeded once, when this class initialises, generates the bits in memory.
 * {@link SessionConfiguration} initialises it on the main thread at startup.
 */
public final class Uuids {

    private static final SecureRandom RANDOM;

    static {
        try {
            RANDOM = SecureRandom.getInstance("DRBG");
            RANDOM.nextBytes(new byte[16]); // seeds now, not on first use
        }
        catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Uuids() {
    }

    /** A uniformly random int in {@code [0, bound)} from the same generator. */
    static int nextInt(int bound) {
        return RANDOM.nextInt(bound);
    }

    public static UUID random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
        }
        for (int i = 8; i < 16; i++) {
            least = (least << 8) | (bytes[i] & 0xff);
        }
        return new UUID(most, least);
    }
}
