package io.quarkiverse.twofactor.runtime;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * A {@link SecureRandom} per thread, for codes and confirmation ids. The JDK's default on Linux (NativePRNG) serialises
 * every caller on one lock, which {@link UUID#randomUUID()} shares too: under many concurrent requests the threads
 * queued on it. Each thread's generator is a DRBG seeded on its own from the system's entropy.
 */
public final class ThreadRandom {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(ThreadRandom::newGenerator);

    private ThreadRandom() {
    }

    public static SecureRandom current() {
        return RANDOM.get();
    }

    /** A random (version 4) UUID. */
    public static UUID uuid() {
        byte[] bytes = new byte[16];
        current().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM offers no DRBG SecureRandom", e);
        }
    }
}
