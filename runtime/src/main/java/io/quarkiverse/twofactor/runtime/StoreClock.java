package io.quarkiverse.twofactor.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.spi.ConfirmationStore;

/**
 * The time every decision about stored times is made on: the selected store's clock
 * ({@link ConfirmationStore#currentTime()}), never this JVM's wall clock. Replicas share the store, so they share its
 * clock; one whose own clock runs ahead or behind stamps and judges expiries, cooldowns and send windows as the others
 * do.
 * <p>
 * Asking the store on every call would add a round trip to each operation, so the clock keeps the last sample of the
 * store's time and adds the time elapsed since on {@link System#nanoTime()}, which only counts forward and is never set
 * or corrected as the wall clock is. A sample older than {@link #RESAMPLE_AFTER} is replaced, which keeps the drift
 * between the two clocks small and follows a correction of the store's clock: one caller takes the new sample while the
 * others go on with the previous one, and only a caller that finds no sample at all waits for one. A sample counts from
 * the middle of its round trip, where the store most likely read its clock. When the store cannot answer, the call
 * fails with the store's {@link io.quarkiverse.twofactor.spi.StoreUnavailableException}, as the store call it was for
 * would.
 */
@Singleton
public class StoreClock {

    /** How long a sample of the store's time serves before the next caller takes a new one. */
    static final Duration RESAMPLE_AFTER = Duration.ofSeconds(1);

    private final ConfirmationStore store;
    private final ReentrantLock sampling = new ReentrantLock();
    private volatile Sample last;

    /** The store's time, and the reading of the monotonic clock at that moment. */
    private record Sample(Instant storeTime, long nanoTime) {

        Instant at(long nanoTime) {
            return storeTime.plusNanos(nanoTime - this.nanoTime);
        }

        boolean isOlderThan(Duration age, long nanoTime) {
            return nanoTime - this.nanoTime >= age.toNanos();
        }
    }

    @Inject
    StoreClock(StoreSelector stores) {
        this.store = stores.selected();
    }

    /** The store's current time, to the millisecond, which every store keeps, so a time reads back as it was written. */
    public Instant now() {
        Sample sample = last;
        if (sample == null) {
            sample = firstSample();
        } else if (sample.isOlderThan(RESAMPLE_AFTER, System.nanoTime()) && sampling.tryLock()) {
            try {
                sample = resample();
            } finally {
                sampling.unlock();
            }
        }
        return sample.at(System.nanoTime()).truncatedTo(ChronoUnit.MILLIS);
    }

    private Sample firstSample() {
        sampling.lock();
        try {
            Sample sample = last;
            return sample != null ? sample : resample();
        } finally {
            sampling.unlock();
        }
    }

    private Sample resample() {
        long asked = System.nanoTime();
        Instant storeTime = store.currentTime();
        long answered = System.nanoTime();
        Sample sample = new Sample(storeTime, asked + (answered - asked) / 2);
        last = sample;
        return sample;
    }
}
