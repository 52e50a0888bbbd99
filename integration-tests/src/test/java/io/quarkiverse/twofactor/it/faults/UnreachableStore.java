package io.quarkiverse.twofactor.it.faults;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkiverse.twofactor.spi.FailureCount;
import io.quarkiverse.twofactor.spi.SendWindow;
import io.quarkiverse.twofactor.spi.StoreUnavailableException;
import io.quarkiverse.twofactor.spi.StoredConfirmation;

/**
 * A confirmation store that is never reachable, selected by {@code quarkus.two-factor.store=unreachable}: every call
 * throws {@link StoreUnavailableException} caused by what {@link #cause} makes, which a test sets.
 */
@Singleton
public class UnreachableStore implements ConfirmationStore {

    public static volatile Supplier<Throwable> cause = () -> new ConnectException("Connection refused");

    @Override
    public String name() {
        return "unreachable";
    }

    private static StoreUnavailableException unavailable() {
        return new StoreUnavailableException("The test store cannot be reached", cause.get());
    }

    @Override
    public void create(StoredConfirmation confirmation) {
        throw unavailable();
    }

    @Override
    public Optional<StoredConfirmation> find(UUID id) {
        throw unavailable();
    }

    @Override
    public boolean confirm(UUID id, String codeHash, int maxAttempts, Instant now) {
        throw unavailable();
    }

    @Override
    public int countWrongAttempt(UUID id, int maxAttempts, Instant now) {
        throw unavailable();
    }

    @Override
    public boolean use(UUID id, Instant now) {
        throw unavailable();
    }

    @Override
    public boolean replaceCode(UUID id, String codeHash, Instant sentNoLaterThan, Instant newExpiresAt, Instant now) {
        throw unavailable();
    }

    @Override
    public boolean fail(UUID id) {
        throw unavailable();
    }

    @Override
    public SendWindow countSend(String recipientKey, int limit, Duration window, Instant now) {
        throw unavailable();
    }

    @Override
    public SendWindow countRecentSend(String key, int limit, Duration window, Instant now) {
        throw unavailable();
    }

    @Override
    public void uncountRecentSend(String key, Instant countedAt) {
        throw unavailable();
    }

    @Override
    public FailureCount failures(String subjectKey) {
        throw unavailable();
    }

    @Override
    public boolean countFailure(String subjectKey, int max, Duration lockout, Instant now) {
        throw unavailable();
    }

    @Override
    public void clearFailures(String subjectKey) {
        throw unavailable();
    }

    /** Nothing to clean, and no scheduled clean-up failing in the log the tests read. */
    @Override
    public int deleteExpired(Instant expiredBefore, Duration window, int batchSize) {
        return 0;
    }

    @Override
    public int deleteFailures(Instant lastFailureBefore, int batchSize) {
        return 0;
    }
}
