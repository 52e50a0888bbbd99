package io.quarkiverse.twofactor.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.quarkiverse.twofactor.ConfirmationState;
import io.quarkiverse.twofactor.Outbox;
import io.quarkiverse.twofactor.spi.Delivery;
import io.quarkiverse.twofactor.spi.SenderBackend;
import io.quarkiverse.twofactor.spi.SenderSettings;

/**
 * One configured sender: its backend, its messages in every language, its retries, its places for deliveries, and
 * the test outbox that may stand in for the backend.
 */
public final class ConfiguredSender {

    private final SenderSettings settings;
    private final SenderBackend backend;
    private final SenderMessages messages;
    private final DeliveryRetry retry;
    private final DeliveryLimit limit;
    private final String appName;
    private final Outbox outbox;

    ConfiguredSender(SenderSettings settings, TwoFactorConfig.SenderConfig config, SenderBackend backend,
            MessageLanguages languages, String appName, Outbox outbox) {
        this.settings = settings;
        this.backend = backend;
        this.messages = new SenderMessages(settings, config, languages);
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
     * Delivers a code in the language offered closest to {@code locale} (the default one when it is null), retrying
     * transient failures until the deadline; throws what the last try threw.
     *
     * @param deadline what {@link DeliveryLimit#enter()} answered
     */
    void deliver(ConfirmationState state, String code, Instant now, Locale locale, long deadline) throws Exception {
        if (limit.stopping()) {
            throw new IllegalStateException("The application is stopping");
        }
        long minutes = Math.max(1, (Duration.between(now, state.expiresAt()).toSeconds() + 59) / 60);
        SenderMessages.Rendered texts = messages.render(locale, code, minutes, appName, state.meta());
        Delivery delivery = new Delivery(state.id(), state.recipient(), code, texts.subject(), texts.message(),
                state.expiresAt(), state.meta(), texts.html(), texts.language());
        if (outbox.enabled()) {
            outbox.record(key(), delivery);
            return;
        }
        retry.run(() -> backend.send(settings, delivery), deadline);
    }
}
