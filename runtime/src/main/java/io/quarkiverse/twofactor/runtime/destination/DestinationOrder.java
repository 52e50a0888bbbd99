package io.quarkiverse.twofactor.runtime.destination;

import java.util.Comparator;

import io.quarkiverse.twofactor.Destination;

/**
 * Oldest first, and between destinations added in the same millisecond by id in the order databases sort UUIDs (their
 * bytes, unsigned; the same as their text), so that every store lists and promotes in one order.
 */
public final class DestinationOrder {

    public static final Comparator<Destination> OLDEST_FIRST = Comparator.comparing(Destination::createdAt)
            .thenComparing(destination -> destination.id().toString());

    private DestinationOrder() {
    }
}
