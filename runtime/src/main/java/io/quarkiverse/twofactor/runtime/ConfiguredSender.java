package io.quarkiverse.twofactor.runtime;

import java.time.Duration;
import java.time.Instant;

import io.quarkiverse.twofactor.ConfirmationState;
import io.quarkiverse.twofactor.Outbox;
import io.quarkiverse.twofactor.spi.Delivery;
import io.quarkiverse.twofactor.spi.SenderBackend;
import io.quarkiverse.twofactor.spi.SenderSettings;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * One configured sender: its backend, its message and subject, its retries, its places for deliveries, and the test
 * outbox that may stand in for the backend.
 */
public final class ConfiguredSender {

    private final SenderSettings settings;
    private final SenderBackend backend;
    private final MessageTemplate message;
    private final MessageTemplate subject;
    private final DeliveryRetry retry;
    private final DeliveryLimit limit;
    private final String appName;
    private final Outbox outbox;

    ConfiguredSender(SenderSettings settings, TwoFactorConfig.SenderConfig config, SenderBackend backend,
            String appName, Outbox outbox) {
        this.settings = settings;
        this.backend = backend;
        this.message = new MessageTemplate(config.message(), settings.property("message"));
        if (!message.showsCode()) {
            throw new ConfigurationException(settings.property("message") + " must contain the {code} placeholder");
        }
        this.subject = new MessageTemplate(config.subject(), settings.property("subject"));
        this.retry = new DeliveryRetry(config.retry(), settings.property("retry"));
        this.limit = new DeliveryLimit(settings.key(), config.delivery(), settings.property("delivery"));
        this.appName = appName;
        this.outbox = outbox;
        backend.validate(settings);
    }

    public String key() {
        return settings.key();
    }

    public SenderSettings settings() {
        return settings;
    }

    /**
     * Refuses a recipient this sender can never deliver to: blank, too long or holding control characters, or refused
     * by the backend.
     */
    public void checkRecipient(String recipient) {
        InputLimits.checkRecipient(recipient);
        backend.checkRecipient(settings, recipient);
    }

    /** The sender's places for deliveries, taken before a confirmation is made or a code replaced. */
    DeliveryLimit limit() {
        return limit;
    }

    /**
     * Delivers a code, retrying transient failures until the deadline; throws what the last try threw.
     *
     * @param deadline what {@link DeliveryLimit#enter()} answered
     */
    void deliver(ConfirmationState state, String code, Instant now, long deadline) throws Exception {
        if (limit.stopping()) {
            throw new IllegalStateException("The application is stopping");
        }
        long minutes = Math.max(1, (Duration.between(now, state.expiresAt()).toSeconds() + 59) / 60);
        Delivery delivery = new Delivery(state.id(), state.recipient(), code,
                subject.render(code, minutes, appName, state.meta()),
                message.render(code, minutes, appName, state.meta()), state.expiresAt(), state.meta());
        if (outbox.enabled()) {
            outbox.record(key(), delivery);
            return;
        }
        retry.run(() -> backend.send(settings, delivery), deadline);
    }
}
