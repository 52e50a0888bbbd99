package io.quarkiverse.twofactor.runtime.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The recent sends of a {@link SendLogEntity} row: epoch milliseconds, ascending, in one column as text separated by
 * commas, so that a send log is one row on every database.
 */
final class SendTimes {

    private final List<Long> millis;

    private SendTimes(List<Long> millis) {
        this.millis = millis;
    }

    static SendTimes parse(String column) {
        List<Long> millis = new ArrayList<>();
        for (String sent : column.split(",")) {
            if (!sent.isEmpty()) {
                millis.add(Long.parseLong(sent));
            }
        }
        return new SendTimes(millis);
    }

    static SendTimes of(Instant sent) {
        return new SendTimes(List.of(sent.toEpochMilli()));
    }

    /** The sends after {@code over}: those still inside a window that ends now. */
    SendTimes after(Instant over) {
        long overMillis = over.toEpochMilli();
        return new SendTimes(millis.stream().filter(sent -> sent > overMillis).toList());
    }

    int count() {
        return millis.size();
    }

    /** How long until the oldest send leaves a window of length {@code window}, seen at {@code now}. */
    Duration untilOldestLeaves(Duration window, Instant now) {
        return Duration.between(now, Instant.ofEpochMilli(millis.get(0)).plus(window));
    }

    Instant newest() {
        return Instant.ofEpochMilli(millis.get(millis.size() - 1));
    }

    /** These sends and one more at {@code sent}, still ascending. */
    SendTimes with(Instant sent) {
        List<Long> more = new ArrayList<>(millis);
        more.add(sent.toEpochMilli());
        Collections.sort(more);
        return new SendTimes(more);
    }

    /** These sends less one at {@code sent}, if there is one. */
    SendTimes without(Instant sent) {
        List<Long> fewer = new ArrayList<>(millis);
        fewer.remove(Long.valueOf(sent.toEpochMilli()));
        return new SendTimes(fewer);
    }

    /** The column's text. */
    @Override
    public String toString() {
        return millis.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
