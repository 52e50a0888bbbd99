package io.quarkiverse.twofactor.it.nodatasource;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.twofactor.AddedDestination;
import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.Destination;
import io.quarkiverse.twofactor.Destinations;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkus.arc.DefaultBean;

/**
 * TEMPORARY, test-only: satisfies the REST endpoints' Destinations dependency until the "destinations" branch lands.
 * Delete it, once main has the real implementation.
 */
@ApplicationScoped
@DefaultBean
public class StandInDestinations implements Destinations {

    @Override
    public List<Destination> list(String owner) {
        return List.of();
    }

    @Override
    public Optional<Destination> find(String owner, UUID id) {
        return Optional.empty();
    }

    @Override
    public AddedDestination add(String owner, String senderKey, String recipient) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ConfirmResult verify(String owner, UUID confirmationId, String code) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean remove(String owner, UUID id) {
        return false;
    }

    @Override
    public boolean makeDefault(String owner, UUID id) {
        return false;
    }

    @Override
    public boolean hasVerified(String owner) {
        return false;
    }

    @Override
    public NewConfirmation request(Binding binding, String senderKey, UUID destinationId) {
        throw new UnsupportedOperationException();
    }
}
