package io.quarkiverse.twofactor.it.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.twofactor.AddedDestination;
import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.ConfirmationState;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.Destination;
import io.quarkiverse.twofactor.DestinationExistsException;
import io.quarkiverse.twofactor.DestinationNotVerifiedException;
import io.quarkiverse.twofactor.Destinations;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.NoDestinationException;
import io.quarkus.arc.DefaultBean;

/**
 * TEMPORARY, test-only: stands in for the extension's Destinations bean until the "destinations" branch lands, so that
 * the REST endpoints can be tried against the interface. Delete it once main has the real implementation.
 */
@ApplicationScoped
@DefaultBean
public class StandInDestinations implements Destinations {

    @Inject
    Confirmer confirmer;

    private final List<Destination> all = new ArrayList<>();

    @Override
    public synchronized List<Destination> list(String owner) {
        return all.stream().filter(d -> d.owner().equals(owner)).toList();
    }

    @Override
    public synchronized Optional<Destination> find(String owner, UUID id) {
        return all.stream().filter(d -> d.owner().equals(owner) && d.id().equals(id)).findFirst();
    }

    @Override
    public AddedDestination add(String owner, String senderKey, String recipient) {
        UUID id = UUID.randomUUID();
        synchronized (this) {
            if (all.stream().anyMatch(d -> d.owner().equals(owner) && d.recipient().equals(recipient)
                    && (senderKey == null || d.sender().equals(senderKey)))) {
                throw new DestinationExistsException("exists");
            }
        }
        NewConfirmation sent = confirmer.request(new Binding(owner, VERIFY_PURPOSE), senderKey, recipient,
                Map.of("destination", id.toString()));
        Destination destination = new Destination(id, owner, sent.state().sender(), recipient, false, false,
                Instant.now());
        synchronized (this) {
            all.add(destination);
        }
        return new AddedDestination(destination, sent);
    }

    @Override
    public ConfirmResult verify(String owner, UUID confirmationId, String code) {
        Optional<ConfirmationState> state = confirmer.check(confirmationId, owner)
                .filter(s -> VERIFY_PURPOSE.equals(s.purpose()));
        if (state.isEmpty()) {
            return new ConfirmResult(ConfirmResult.Outcome.NOT_FOUND, null, 0);
        }
        ConfirmResult result = confirmer.confirm(confirmationId, owner, code);
        if (result.outcome() == ConfirmResult.Outcome.CONFIRMED
                && confirmer.use(confirmationId, new Binding(owner, VERIFY_PURPOSE))) {
            UUID id = UUID.fromString((String) state.get().meta().get("destination"));
            synchronized (this) {
                find(owner, id).ifPresent(d -> {
                    boolean first = all.stream().noneMatch(o -> o.owner().equals(owner) && o.sender().equals(d.sender())
                            && o.isDefault());
                    all.set(all.indexOf(d), new Destination(d.id(), owner, d.sender(), d.recipient(), true, first,
                            d.createdAt()));
                });
            }
        }
        return result;
    }

    @Override
    public synchronized boolean remove(String owner, UUID id) {
        return find(owner, id).map(all::remove).orElse(false);
    }

    @Override
    public synchronized boolean makeDefault(String owner, UUID id) {
        Optional<Destination> found = find(owner, id);
        if (found.isEmpty()) {
            return false;
        }
        Destination chosen = found.get();
        if (!chosen.verified()) {
            throw new DestinationNotVerifiedException("not verified");
        }
        for (int i = 0; i < all.size(); i++) {
            Destination d = all.get(i);
            if (d.owner().equals(owner) && d.sender().equals(chosen.sender())) {
                all.set(i, new Destination(d.id(), owner, d.sender(), d.recipient(), d.verified(), d.equals(chosen),
                        d.createdAt()));
            }
        }
        return true;
    }

    @Override
    public synchronized boolean hasVerified(String owner) {
        return list(owner).stream().anyMatch(Destination::verified);
    }

    @Override
    public NewConfirmation request(Binding binding, String senderKey, UUID destinationId) {
        Destination target;
        synchronized (this) {
            target = list(binding.owner()).stream().filter(Destination::verified)
                    .filter(d -> destinationId != null ? d.id().equals(destinationId)
                            : d.isDefault() && (senderKey == null ? d.sender().equals("default") : d.sender().equals(senderKey)))
                    .findFirst().orElseThrow(() -> new NoDestinationException("none"));
        }
        return confirmer.request(binding, target.sender(), target.recipient(), Map.of());
    }
}
