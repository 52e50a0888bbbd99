package io.quarkiverse.twofactor.runtime;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

import io.quarkiverse.twofactor.spi.DeliveryException;
import io.quarkiverse.twofactor.spi.DeliveryException.Kind;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Tries a delivery again after transient failures, waiting about twice as long before each retry, and gives up at once
 * on permanent ones, and on a transient one when the next try would start after the delivery's deadline.
 */
final class DeliveryRetry {

    interface Attempt {
        void run() throws Exception;
    }

    private final int maxAttempts;
    private final Duration initialDelay;

    DeliveryRetry(TwoFactorConfig.RetryConfig config, String property) {
        if (config.maxAttempts() < 1) {
            throw new ConfigurationException(property + ".max-attempts must be at least 1");
        }
        if (config.initialDelay().isNegative()) {
            throw new ConfigurationException(property + ".initial-delay must not be negative");
        }
        this.maxAttempts = config.maxAttempts();
        this.initialDelay = config.initialDelay();
    }

    /**
     * @param deadline the {@link System#nanoTime()} after which no try starts
     */
    void run(Attempt attempt, long deadline) throws Exception {
        if (System.nanoTime() - deadline > 0) {
            // A delivery that waited in the queue past its deadline: its code may already be stale for the user.
            throw new TimeoutException("The delivery's deadline passed before its first try");
        }
        long delay = initialDelay.toNanos();
        for (int tried = 1;; tried++) {
            try {
                attempt.run();
                return;
            } catch (Exception e) {
                long wait = withJitter(delay);
                if (!isTransient(e) || tried >= maxAttempts || System.nanoTime() + wait - deadline > 0) {
                    throw e;
                }
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            delay = delay * 2;
        }
    }

    /** Somewhere between half the delay and all of it ("equal jitter"): never much shorter, never in lockstep. */
    private static long withJitter(long delay) {
        long half = delay / 2;
        return half + ThreadLocalRandom.current().nextLong(delay - half + 1);
    }

    static boolean isTransient(Exception e) {
        if (e instanceof DeliveryException delivery) {
            return delivery.kind() == Kind.TRANSIENT;
        }
        return e instanceof IOException;
    }

    static boolean isRecipientRejected(Exception e) {
        return e instanceof DeliveryException delivery && delivery.kind() == Kind.RECIPIENT_REJECTED;
    }
}
