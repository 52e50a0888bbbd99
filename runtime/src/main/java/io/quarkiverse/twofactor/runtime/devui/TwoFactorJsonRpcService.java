package io.quarkiverse.twofactor.runtime.devui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import io.quarkiverse.twofactor.Outbox;
import io.quarkiverse.twofactor.RecipientMask;
import io.quarkiverse.twofactor.runtime.SenderRegistry;
import io.quarkiverse.twofactor.runtime.StoreSelector;
import io.quarkiverse.twofactor.runtime.TwoFactorBuildTimeConfig;
import io.quarkiverse.twofactor.runtime.sender.LogSenderBackend;
import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkiverse.twofactor.spi.Delivery;
import io.quarkiverse.twofactor.spi.SenderSettings;
import io.quarkiverse.twofactor.spi.StoredConfirmation;

/**
 * What the Dev UI card shows, read afresh at each call. The card exists in dev mode only, so it may show codes;
 * recipients stay masked, as in any listing.
 */
public class TwoFactorJsonRpcService {

    /** How many confirmations and codes the card lists, newest first. */
    static final int SHOWN = 50;

    private final StoreSelector stores;
    private final SenderRegistry senders;
    private final Outbox outbox;
    private final LogSenderBackend logSender;
    private final TwoFactorBuildTimeConfig config;

    @Inject
    TwoFactorJsonRpcService(StoreSelector stores, SenderRegistry senders, Outbox outbox, LogSenderBackend logSender,
            TwoFactorBuildTimeConfig config) {
        this.stores = stores;
        this.senders = senders;
        this.outbox = outbox;
        this.logSender = logSender;
        this.config = config;
    }

    /** Everything the card shows, as one answer so that its tables agree with each other. */
    public DevUiView view() {
        ConfirmationStore store = stores.selected();
        Instant now = Instant.now();
        Optional<List<ConfirmationRow>> confirmations = store.recent(SHOWN)
                .map(recent -> recent.stream().map(stored -> ConfirmationRow.of(stored, now)).toList());
        List<SenderRow> senderRows = senders.all().stream().map(SenderRow::of).toList();
        return new DevUiView(store.name(), confirmations.isPresent(), confirmations.orElse(List.of()), senderRows,
                outbox.enabled(), codes(senderRows), config.rest().enabled() ? config.rest().path() : null);
    }

    /** The codes the outbox holds, then those the log backend wrote, newest first within each. */
    private List<CodeRow> codes(List<SenderRow> senderRows) {
        List<CodeRow> codes = new ArrayList<>();
        for (SenderRow sender : senderRows) {
            List<Delivery> kept = outbox.deliveries(sender.key());
            for (int i = kept.size() - 1; i >= 0; i--) {
                codes.add(CodeRow.of("outbox", sender.key(), kept.get(i)));
            }
        }
        for (LogSenderBackend.LoggedDelivery logged : logSender.recent()) {
            codes.add(CodeRow.of("log", logged.senderKey(), logged.delivery()));
        }
        return codes.stream().limit(SHOWN).toList();
    }

    /**
     * @param store the name of the confirmation store in use
     * @param storeLists whether that store can list its confirmations; when not, {@code confirmations} is empty
     * @param outboxEnabled whether codes go to the test outbox instead of the senders' backends
     * @param restPath where the REST endpoints are served, or {@code null} when they are off
     */
    public record DevUiView(String store, boolean storeLists, List<ConfirmationRow> confirmations,
            List<SenderRow> senders, boolean outboxEnabled, List<CodeRow> codes, String restPath) {
    }

    /** One confirmation; times are ISO-8601 text, and the status is the one at the time of the call. */
    public record ConfirmationRow(String id, String status, String sender, String recipient, String owner,
            String purpose, int attempts, String createdAt, String expiresAt) {

        static ConfirmationRow of(StoredConfirmation stored, Instant now) {
            return new ConfirmationRow(stored.id().toString(), stored.statusAt(now).label(), stored.sender(),
                    masked(stored.recipient()), stored.owner(), stored.purpose(), stored.attempts(),
                    stored.createdAt().toString(), stored.expiresAt().toString());
        }
    }

    /** One configured sender. */
    public record SenderRow(String key, String backend, String verboseName) {

        static SenderRow of(SenderSettings settings) {
            return new SenderRow(settings.key(), settings.backend(), settings.verboseName().orElse(null));
        }
    }

    /**
     * One code held for the developer.
     *
     * @param heldBy {@code outbox} or {@code log}
     */
    public record CodeRow(String heldBy, String sender, String confirmationId, String recipient, String code,
            String expiresAt) {

        static CodeRow of(String heldBy, String senderKey, Delivery delivery) {
            return new CodeRow(heldBy, senderKey, delivery.confirmationId().toString(),
                    masked(delivery.recipient()), delivery.code(), delivery.expiresAt().toString());
        }
    }

    private static String masked(String recipient) {
        return recipient == null ? null : RecipientMask.mask(recipient);
    }
}
