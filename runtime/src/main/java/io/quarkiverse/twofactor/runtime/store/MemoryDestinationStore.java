package io.quarkiverse.twofactor.runtime.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.Destination;
import io.quarkiverse.twofactor.runtime.destination.DestinationOrder;
import io.quarkiverse.twofactor.spi.DestinationStore;

/**
 * Keeps destinations in this JVM: for single-instance applications without a database, and for tests. An owner's
 * destinations are one immutable list, replaced inside {@link ConcurrentHashMap#compute}, which runs one change per
 * owner at a time; they do not survive a restart and are not shared between replicas.
 */
@Singleton
public class MemoryDestinationStore implements DestinationStore {

    private final Map<String, List<Destination>> byOwner = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public boolean create(Destination destination) {
        boolean[] created = new boolean[1];
        byOwner.compute(destination.owner(), (owner, current) -> {
            List<Destination> all = current == null ? List.of() : current;
            if (all.stream().anyMatch(d -> d.sender().equals(destination.sender())
                    && d.recipient().equals(destination.recipient()))) {
                return current;
            }
            created[0] = true;
            return sorted(all, new Destination(destination.id(), owner, destination.sender(), destination.recipient(),
                    false, false, destination.createdAt()));
        });
        return created[0];
    }

    @Override
    public List<Destination> list(String owner) {
        return byOwner.getOrDefault(owner, List.of());
    }

    @Override
    public Optional<Destination> find(String owner, UUID id) {
        return list(owner).stream().filter(d -> d.id().equals(id)).findFirst();
    }

    @Override
    public boolean markVerified(String owner, UUID id) {
        boolean[] found = new boolean[1];
        byOwner.computeIfPresent(owner, (key, all) -> {
            Optional<Destination> target = all.stream().filter(d -> d.id().equals(id)).findFirst();
            if (target.isEmpty()) {
                return all;
            }
            found[0] = true;
            Destination d = target.get();
            if (d.verified()) {
                return all;
            }
            boolean senderHasDefault = all.stream().anyMatch(o -> o.sender().equals(d.sender()) && o.isDefault());
            return replace(all, new Destination(d.id(), d.owner(), d.sender(), d.recipient(), true, !senderHasDefault,
                    d.createdAt()));
        });
        return found[0];
    }

    @Override
    public DefaultChange makeDefault(String owner, UUID id) {
        DefaultChange[] change = { DefaultChange.NOT_FOUND };
        byOwner.computeIfPresent(owner, (key, all) -> {
            Optional<Destination> target = all.stream().filter(d -> d.id().equals(id)).findFirst();
            if (target.isEmpty()) {
                return all;
            }
            if (!target.get().verified()) {
                change[0] = DefaultChange.NOT_VERIFIED;
                return all;
            }
            change[0] = DefaultChange.MADE_DEFAULT;
            String sender = target.get().sender();
            return all.stream().map(d -> d.sender().equals(sender) ? withDefault(d, d.id().equals(id)) : d).toList();
        });
        return change[0];
    }

    @Override
    public boolean delete(String owner, UUID id) {
        boolean[] deleted = new boolean[1];
        byOwner.computeIfPresent(owner, (key, all) -> {
            Optional<Destination> target = all.stream().filter(d -> d.id().equals(id)).findFirst();
            if (target.isEmpty()) {
                return all;
            }
            deleted[0] = true;
            List<Destination> left = all.stream().filter(d -> !d.id().equals(id)).toList();
            if (target.get().isDefault()) {
                // The list is oldest first, so the first verified one of the sender is the oldest.
                Optional<Destination> next = left.stream()
                        .filter(d -> d.sender().equals(target.get().sender()) && d.verified()).findFirst();
                if (next.isPresent()) {
                    left = replace(left, withDefault(next.get(), true));
                }
            }
            // An owner with nothing left takes no room.
            return left.isEmpty() ? null : left;
        });
        return deleted[0];
    }

    private static List<Destination> sorted(List<Destination> all, Destination added) {
        return Stream.concat(all.stream(), Stream.of(added))
                .sorted(DestinationOrder.OLDEST_FIRST).toList();
    }

    private static List<Destination> replace(List<Destination> all, Destination changed) {
        return all.stream().map(d -> d.id().equals(changed.id()) ? changed : d).toList();
    }

    private static Destination withDefault(Destination d, boolean isDefault) {
        return new Destination(d.id(), d.owner(), d.sender(), d.recipient(), d.verified(), isDefault, d.createdAt());
    }
}
