package io.quarkiverse.twofactor.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.twofactor.spi.Delivery;
import io.quarkiverse.twofactor.spi.SenderBackend;
import io.quarkiverse.twofactor.spi.SenderSettings;

/**
 * An application's own sender backend: it keeps the last delivery per recipient so that the demo's tests can read the
 * code a user would have received. Selected with {@code quarkus.two-factor.senders."key".backend=demo-inbox}. It
 * forgets the oldest recipients beyond a bound, so that a long load test does not grow the heap.
 */
@ApplicationScoped
public class DemoInbox implements SenderBackend {

    private static final int RECIPIENTS_KEPT = 1_000;

    private final Map<String, Delivery> lastByRecipient = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Delivery> eldest) {
            return size() > RECIPIENTS_KEPT;
        }
    };

    @Override
    public String name() {
        return "demo-inbox";
    }

    @Override
    public void send(SenderSettings sender, Delivery delivery) {
        synchronized (lastByRecipient) {
            lastByRecipient.put(delivery.recipient(), delivery);
        }
    }

    public Optional<Delivery> last(String recipient) {
        synchronized (lastByRecipient) {
            return Optional.ofNullable(lastByRecipient.get(recipient));
        }
    }
}
