package io.quarkiverse.twofactor.runtime.destination;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

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
import io.quarkiverse.twofactor.runtime.ConfiguredSender;
import io.quarkiverse.twofactor.runtime.SenderRegistry;
import io.quarkiverse.twofactor.runtime.StoreClock;
import io.quarkiverse.twofactor.spi.DestinationStore;
import io.quarkiverse.twofactor.spi.DestinationStore.DefaultChange;

/**
 * Destinations over a {@link DestinationStore} and the {@link Confirmer}: a destination is verified by a confirmation
 * owned by its owner, made for {@link #VERIFY_PURPOSE}, whose meta names the destination and whose code went to it.
 */
@Singleton
public class DefaultDestinations implements Destinations {

    /** The meta entry of a confirmation that names the destination its code was sent to. */
    static final String DESTINATION_META = "destination";

    private final DestinationStore store;
    private final Confirmer confirmer;
    private final SenderRegistry senders;
    private final StoreClock clock;

    @Inject
    DefaultDestinations(DestinationStoreSelector stores, Confirmer confirmer, SenderRegistry senders,
            StoreClock clock) {
        this.store = stores.selected();
        this.confirmer = confirmer;
        this.senders = senders;
        this.clock = clock;
    }

    @Override
    public List<Destination> list(String owner) {
        Binding.checkOwner(owner);
        return store.list(owner);
    }

    @Override
    public Optional<Destination> find(String owner, UUID id) {
        Binding.checkOwner(owner);
        Objects.requireNonNull(id, "id");
        return store.find(owner, id);
    }

    @Override
    public AddedDestination add(String owner, String senderKey, String recipient) {
        Binding verifying = new Binding(owner, VERIFY_PURPOSE);
        ConfiguredSender sender = senders.get(senderKey);
        // Checked before anything is stored, so that a recipient no sender can reach never becomes a destination.
        sender.checkRecipient(recipient);
        // The store's clock, which every replica shares, so that an owner's destinations list in the order they came.
        Destination added = new Destination(UUID.randomUUID(), owner, sender.key(), recipient, false, false,
                clock.now());
        if (!store.create(added)) {
            throw new DestinationExistsException("The owner already has this recipient for sender '" + sender.key()
                    + "'");
        }
        try {
            NewConfirmation sent = confirmer.request(verifying, sender.key(), recipient,
                    Map.of(DESTINATION_META, added.id().toString()));
            return new AddedDestination(added, sent);
        } catch (RuntimeException e) {
            // Too many sends, or a delivery that failed: no destination is left that no code reached.
            try {
                store.delete(owner, added.id());
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    @Override
    public ConfirmResult verify(String owner, UUID confirmationId, String code) {
        Binding verifying = new Binding(owner, VERIFY_PURPOSE);
        Objects.requireNonNull(confirmationId, "confirmationId");
        Optional<Destination> destination = confirmer.check(confirmationId, owner)
                .filter(state -> VERIFY_PURPOSE.equals(state.purpose()))
                .flatMap(state -> destinationReached(owner, state));
        if (destination.isEmpty()) {
            // Someone else's, made for another purpose, or for a destination removed since: nothing is counted.
            return new ConfirmResult(ConfirmResult.Outcome.NOT_FOUND, null, 0);
        }
        ConfirmResult result = confirmer.confirm(confirmationId, owner, code);
        if (result.outcome() == ConfirmResult.Outcome.CONFIRMED && confirmer.use(confirmationId, verifying)) {
            store.markVerified(owner, destination.get().id());
        }
        return result;
    }

    /**
     * The destination the confirmation's meta names, when the confirmation's code went to that very destination: a
     * confirmation made for the purpose some other way verifies nothing.
     */
    private Optional<Destination> destinationReached(String owner, ConfirmationState state) {
        if (!(state.meta().get(DESTINATION_META) instanceof String named)) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(named);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return store.find(owner, id).filter(d -> d.sender().equals(state.sender())
                && d.recipient().equals(state.recipient()));
    }

    @Override
    public boolean remove(String owner, UUID id) {
        Binding.checkOwner(owner);
        Objects.requireNonNull(id, "id");
        return store.delete(owner, id);
    }

    @Override
    public boolean makeDefault(String owner, UUID id) {
        Binding.checkOwner(owner);
        Objects.requireNonNull(id, "id");
        DefaultChange change = store.makeDefault(owner, id);
        if (change == DefaultChange.NOT_VERIFIED) {
            throw new DestinationNotVerifiedException("Destination " + id + " is not verified, so it cannot be the"
                    + " default");
        }
        return change == DefaultChange.MADE_DEFAULT;
    }

    @Override
    public boolean hasVerified(String owner) {
        return list(owner).stream().anyMatch(Destination::verified);
    }

    @Override
    public NewConfirmation request(Binding binding, String senderKey, UUID destinationId, Locale locale) {
        Objects.requireNonNull(binding, "binding");
        String owner = binding.owner();
        Destination target;
        if (destinationId != null) {
            target = store.find(owner, destinationId).filter(Destination::verified)
                    .orElseThrow(() -> new NoDestinationException("The owner has no verified destination with id "
                            + destinationId));
        } else {
            String sender = senders.get(senderKey).key();
            target = store.list(owner).stream().filter(d -> d.sender().equals(sender) && d.verified() && d.isDefault())
                    .findFirst()
                    .orElseThrow(() -> new NoDestinationException("The owner has no verified destination for sender '"
                            + sender + "'"));
        }
        return confirmer.request(binding, target.sender(), target.recipient(),
                Map.of(DESTINATION_META, target.id().toString()), locale);
    }
}
