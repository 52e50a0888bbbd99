package io.quarkiverse.twofactor.runtime;

import java.io.IOException;
import java.time.Duration;

import io.quarkiverse.twofactor.spi.DeliveryException;
import io.quarkiverse.twofactor.spi.DeliveryException.Kind;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Tries a delivery again after transient failures, waiting twice as long before each retry, and gives up at once on
 * permanent ones.
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

    void run(Attempt attempt) throws Exception {
        Duration delay = initialDelay;
        for (int tried = 1;; tried++) {
            try {
                attempt.run();
                return;
            } catch (Exception e) {
                if (!isTransient(e) || tried >= maxAttempts) {
                    throw e;
                }
            }
            Thread.sleep(delay.toMillis());
            delay = delay.multipliedBy(2);
        }
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
