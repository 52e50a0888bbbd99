package io.quarkiverse.twofactor.deployment;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.spi.Delivery;
import io.quarkiverse.twofactor.spi.SenderBackend;
import io.quarkiverse.twofactor.spi.SenderSettings;

/** An application's own backend: keeps every delivery so that tests can read what was "sent". */
@Singleton
public class RecordingBackend implements SenderBackend {

    public static final String NAME = "recording";

    public record Sent(SenderSettings sender, Delivery delivery) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void send(SenderSettings sender, Delivery delivery) {
        sent.add(new Sent(sender, delivery));
    }

    /** The one delivery made for this confirmation. */
    public Sent sentFor(UUID confirmationId) {
        List<Sent> matching = sent.stream().filter(s -> s.delivery().confirmationId().equals(confirmationId)).toList();
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " deliveries for confirmation " + confirmationId);
        }
        return matching.get(0);
    }
}
