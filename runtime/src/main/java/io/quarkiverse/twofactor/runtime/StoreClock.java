package io.quarkiverse.twofactor.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkiverse.twofactor.spi.ReactiveConfirmationStore;
import io.smallrye.mutiny.Uni;

/**
 * The time every decision about stored times is made on: the selected store's clock
 * ({@link ConfirmationStore#currentTime()}), never this JVM's wall clock. Replicas share the store and so its clock: one
 * whose own clock runs ahead or behind stamps and judges expiries, cooldowns and send windows as the others do.
 * <p>
 * Asking the store on every call would cost each operation a round trip. Instead the clock keeps an estimate of the
 * store's time at one moment and adds the time elapsed since on {@link System#nanoTime()}, which only counts forward and
 * is never set or corrected as the wall clock is. Once the estimate is older than {@link #RESAMPLE_AFTER}, one caller
 * checks it against a new sample, so that a correction of the store's clock is followed; the others go on with the
 * estimate meanwhile, and only a caller that finds no estimate at all waits.
 * <p>
 * A sample proves only that the store read its clock somewhere within the round trip. The estimate moves only when it
 * falls outside that span, and then to the nearest time within it, so uneven round trips do not make the clock jitter.
 * The first round trip also loads what the query needs, which makes it long and its middle a poor guess: the first
 * estimate comes from the shorter of two.
 * <p>
 * {@link #nowReactive} does the same through the store's {@link ConfirmationStore#reactive() reactive} face, with no
 * thread waiting for a sample.
 * <p>
 * When the store cannot answer, {@link #now()} throws the store's
 * {@link io.quarkiverse.twofactor.spi.StoreUnavailableException}, as the store call it was for would.
 */
@Singleton
public class StoreClock {

    /** How long an estimate of the store's time serves before the next caller checks it against a new sample. */
    private static final Duration RESAMPLE_AFTER = Duration.ofSeconds(1);

    private final ConfirmationStore store;
    private final ReentrantLock firstSampling = new ReentrantLock();
    private final AtomicBoolean resampling = new AtomicBoolean();
    private volatile Estimate last;

    /** The store's time at one reading of the monotonic clock. */
    private record Estimate(Instant storeTime, long nanoTime) {

        Instant at(long nanoTime) {
            return storeTime.plusNanos(nanoTime - this.nanoTime);
        }

        boolean isOlderThan(Duration age, long nanoTime) {
            return nanoTime - this.nanoTime >= age.toNanos();
        }
    }

    /**
     * One answer of the store, asked and answered at these readings of the monotonic clock: when it answered, its time
     * was at least {@code storeTime} (read just then) and at most {@code storeTime} plus the round trip (read as soon as
     * asked).
     */
    private record Sample(Instant storeTime, long asked, long answered) {

        long roundTrip() {
            return answered - asked;
        }

        Estimate middle() {
            return new Estimate(storeTime.plusNanos(roundTrip() / 2), answered);
        }

        /** The time this sample allows that is nearest to what {@code previous} says. */
        Estimate nearest(Estimate previous) {
            Instant earliest = storeTime;
            Instant latest = storeTime.plusNanos(roundTrip());
            Instant said = previous.at(answered);
            return new Estimate(said.isBefore(earliest) ? earliest : said.isAfter(latest) ? latest : said, answered);
        }
    }

    @Inject
    StoreClock(StoreSelector stores) {
        this.store = stores.selected();
    }

    /** The store's current time, to the millisecond, which every store keeps, so a time reads back as it was written. */
    public Instant now() {
        Estimate estimate = last;
        if (estimate == null) {
            estimate = firstEstimate();
        } else if (estimate.isOlderThan(RESAMPLE_AFTER, System.nanoTime()) && resampling.compareAndSet(false, true)) {
            try {
                estimate = resampled(estimate, sample());
            } finally {
                resampling.set(false);
            }
        }
        return estimate.at(System.nanoTime()).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Like {@link #now()}, asking {@code reactive}, the selected store's reactive face, when a sample is due. */
    public Uni<Instant> nowReactive(ReactiveConfirmationStore reactive) {
        return Uni.createFrom().deferred(() -> {
            Estimate estimate = last;
            if (estimate == null) {
                // Concurrent first callers may each take their samples; the estimate any of them keeps serves.
                return sample(reactive).chain(first -> sample(reactive).map(second -> {
                    last = (first.roundTrip() <= second.roundTrip() ? first : second).middle();
                    return last;
                }));
            }
            if (estimate.isOlderThan(RESAMPLE_AFTER, System.nanoTime()) && resampling.compareAndSet(false, true)) {
                return sample(reactive).map(sample -> resampled(estimate, sample))
                        .onTermination().invoke(() -> resampling.set(false));
            }
            return Uni.createFrom().item(estimate);
        }).map(estimate -> estimate.at(System.nanoTime()).truncatedTo(ChronoUnit.MILLIS));
    }

    private Estimate resampled(Estimate previous, Sample sample) {
        Estimate estimate = sample.nearest(previous);
        last = estimate;
        return estimate;
    }

    private Estimate firstEstimate() {
        firstSampling.lock();
        try {
            if (last == null) {
                Sample first = sample();
                Sample second = sample();
                last = (first.roundTrip() <= second.roundTrip() ? first : second).middle();
            }
            return last;
        } finally {
            firstSampling.unlock();
        }
    }

    private Uni<Sample> sample(ReactiveConfirmationStore reactive) {
        return Uni.createFrom().deferred(() -> {
            long asked = System.nanoTime();
            return reactive.currentTime().map(storeTime -> new Sample(storeTime, asked, System.nanoTime()));
        });
    }

    private Sample sample() {
        long asked = System.nanoTime();
        Instant storeTime = store.currentTime();
        return new Sample(storeTime, asked, System.nanoTime());
    }
}
