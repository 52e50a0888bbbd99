package io.quarkiverse.twofactor.demo;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.twofactor.spi.Delivery;
import io.quarkiverse.twofactor.spi.SenderBackend;
import io.quarkiverse.twofactor.spi.SenderSettings;

/**
 * An application's own sender backend: it keeps the last delivery per recipient so that the demo's tests can read the
 * code a user would have received. Selected with {@code quarkus.two-factor.senders."key".backend=demo-inbox}.
 */
@ApplicationScoped
public class DemoInbox implements SenderBackend {

    private final Map<String, Delivery> lastByRecipient = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "demo-inbox";
    }

    @Override
    public void send(SenderSettings sender, Delivery delivery) {
        lastByRecipient.put(delivery.recipient(), delivery);
    }

    public Optional<Delivery> last(String recipient) {
        return Optional.ofNullable(lastByRecipient.get(recipient));
    }
}
