package io.quarkiverse.twofactor.runtime;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.scheduler.Scheduler;

/**
 * Deletes confirmations past their expiry plus {@code cleanup.retention}, and send windows past their end plus the
 * retention, every {@code cleanup.interval}, in batches; likewise the send logs of the sliding limit whose newest send
 * left the window more than the retention ago. A window or log is judged by when it stops counting sends, not when it
 * started, so a retention shorter than the longest window (recipients', callers' or a sender's budget) never deletes
 * one that still counts. Failure counts go likewise a {@code limits.failure-lockout} plus the retention after their
 * last failure, so a lockout is never lifted early. Expiry is judged on the store's clock ({@link StoreClock}), as the
 * confirmer judges it.
 * Replicas need no coordination: each batch deletes rows by id, and a row another replica deleted first simply does
 * not count.
 */
@Singleton
public class ExpiredCleanup {

    private static final Logger LOG = Logger.getLogger(ExpiredCleanup.class);

    private final ConfirmationStore store;
    private final StoreClock clock;
    private final TwoFactorConfig.CleanupConfig config;
    private final Duration window;
    private final Duration failureLockout;

    @Inject
    ExpiredCleanup(StoreSelector stores, StoreClock clock, TwoFactorConfig config) {
        this.store = stores.selected();
        this.clock = clock;
        this.config = config.cleanup();
        this.window = longestWindow(config);
        this.failureLockout = config.limits().failureLockout();
        if (this.config.batchSize() < 1) {
            throw new ConfigurationException("quarkus.two-factor.cleanup.batch-size must be at least 1");
        }
        if (this.config.retention().isNegative()) {
            throw new ConfigurationException("quarkus.two-factor.cleanup.retention must not be negative");
        }
    }

    /**
     * The longest of the windows counted in the store: recipients' send limit, callers' request limit and each sender's
     * budget. The store is told one length for all, and a shorter window has ended whenever the longest has, so
     * passing the longest never deletes a window that still counts.
     */
    private static Duration longestWindow(TwoFactorConfig config) {
        Duration longest = config.limits().window();
        if (config.limits().callerWindow().compareTo(longest) > 0) {
            longest = config.limits().callerWindow();
        }
        for (TwoFactorConfig.SenderConfig sender : config.senders().values()) {
            if (sender.limits().maxSends().isPresent() && sender.limits().window().compareTo(longest) > 0) {
                longest = sender.limits().window();
            }
        }
        return longest;
    }

    void schedule(@Observes StartupEvent started, Scheduler scheduler) {
        if (config.enabled()) {
            scheduler.newJob("two-factor-cleanup")
                    .setInterval(config.interval().toString())
                    .setDelayed(config.interval().toString())
                    .setTask(execution -> run())
                    .schedule();
        }
    }

    /** Deletes every confirmation due for deletion now, one batch at a time; returns how many. */
    public long run() {
        Instant expiredBefore = clock.now().minus(config.retention());
        long total = 0;
        int deleted;
        do {
            deleted = store.deleteExpired(expiredBefore, window, config.batchSize());
            total += deleted;
        } while (deleted == config.batchSize());
        LOG.debugf("Deleted %d expired confirmations", total);
        Instant lastFailureBefore = expiredBefore.minus(failureLockout);
        while (store.deleteFailures(lastFailureBefore, config.batchSize()) == config.batchSize()) {
            // next batch
        }
        return total;
    }
}
