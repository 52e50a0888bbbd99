package io.quarkiverse.twofactor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.runtime.LaunchModeGate;
import io.quarkiverse.twofactor.runtime.TwoFactorConfig;
import io.quarkiverse.twofactor.spi.Delivery;

/**
 * Deliveries kept in memory, per sender, for an application's own tests. With
 * {@code quarkus.two-factor.outbox.enabled=true} in dev or test mode, codes land here instead of reaching a phone or a
 * mailbox:
 *
 * <pre>
 * &#64;Inject
 * Outbox outbox;
 *
 * String code = outbox.lastCode("sms", "+15551234567").orElseThrow();
 * </pre>
 */
@Singleton
public class Outbox {

    private static final int KEPT_PER_SENDER = 1000;

    private final boolean enabled;
    private final Map<String, Deque<Delivery>> bySender = new ConcurrentHashMap<>();

    @Inject
    Outbox(TwoFactorConfig config) {
        this.enabled = LaunchModeGate.devOrTestOnly(config.outbox().enabled(), "quarkus.two-factor.outbox.enabled");
    }

    /** Whether deliveries are kept here instead of being sent. */
    public boolean enabled() {
        return enabled;
    }

    /** Keeps a delivery; called by the extension in place of the sender's backend. */
    public void record(String senderKey, Delivery delivery) {
        Deque<Delivery> deliveries = bySender.computeIfAbsent(senderKey, key -> new ArrayDeque<>());
        synchronized (deliveries) {
            deliveries.addLast(delivery);
            if (deliveries.size() > KEPT_PER_SENDER) {
                deliveries.removeFirst();
            }
        }
    }

    /** Every delivery of a sender still kept, oldest first. */
    public List<Delivery> deliveries(String senderKey) {
        Deque<Delivery> deliveries = bySender.get(senderKey);
        if (deliveries == null) {
            return List.of();
        }
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** The last delivery of a sender to a recipient. */
    public Optional<Delivery> last(String senderKey, String recipient) {
        List<Delivery> deliveries = deliveries(senderKey);
        for (int i = deliveries.size() - 1; i >= 0; i--) {
            if (deliveries.get(i).recipient().equals(recipient)) {
                return Optional.of(deliveries.get(i));
            }
        }
        return Optional.empty();
    }

    /** The code last delivered by a sender to a recipient. */
    public Optional<String> lastCode(String senderKey, String recipient) {
        return last(senderKey, recipient).map(Delivery::code);
    }

    /** Forgets every delivery, for a clean start between tests. */
    public void clear() {
        bySender.clear();
    }
}
