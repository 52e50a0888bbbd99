package io.quarkiverse.twofactor.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.quarkiverse.twofactor.SenderBudgetExhaustedException;
import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkiverse.twofactor.spi.SendWindow;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Counts each sender's sends against its budget ({@code senders."key".limits.max-sends} per {@code limits.window}),
 * in the store that every replica shares, so that a flood of requests to ever new recipients cannot run up the
 * provider's bill. The first refusal in a window logs an ERROR, so that an operator learns the budget is spent; later
 * refusals in the same window do not. Each replica remembers its own last log, so several replicas each log once per
 * window.
 */
final class SenderBudgets {

    private static final Logger LOG = Logger.getLogger(SenderBudgets.class);

    /** One sender's budget, with the keyed hash its sends are counted under. */
    private record Budget(String storeKey, int maxSends, Duration window) {
    }

    private final ConfirmationStore store;
    private final Map<String, Budget> budgets = new HashMap<>();
    /** By sender key: the end of the window whose first refusal this replica logged. */
    private final Map<String, Instant> loggedUntil = new ConcurrentHashMap<>();

    SenderBudgets(ConfirmationStore store, CodeHasher hasher, Map<String, TwoFactorConfig.SenderConfig> senders) {
        this.store = store;
        senders.forEach((key, sender) -> {
            TwoFactorConfig.SenderLimitsConfig limits = sender.limits();
            if (limits.maxSends().isEmpty()) {
                return;
            }
            String property = "quarkus.two-factor.senders.\"" + key + "\".limits.";
            if (limits.maxSends().getAsInt() < 1) {
                throw new ConfigurationException(property + "max-sends must be at least 1");
            }
            if (limits.window().isNegative() || limits.window().isZero()) {
                throw new ConfigurationException(property + "window must be positive");
            }
            budgets.put(key, new Budget(hasher.hashCountedKey("sender", key), limits.maxSends().getAsInt(),
                    limits.window()));
        });
    }

    /** Whether the sender has a budget its sends count against. */
    boolean limits(String senderKey) {
        return budgets.containsKey(senderKey);
    }

    /** Counts one send through the sender, or refuses it when the sender's budget for the window is spent. */
    void count(String senderKey, Instant now) {
        Budget budget = budgets.get(senderKey);
        if (budget == null) {
            return;
        }
        SendWindow window = store.countSend(budget.storeKey(), budget.maxSends(), budget.window(), now);
        if (window.allowed()) {
            return;
        }
        if (firstRefusalOfWindow(senderKey, now, now.plus(window.retryAfter()))) {
            LOG.errorf("Sender '%s' spent its budget of %d sends per %s: its requests and resends are refused for"
                    + " %d seconds. Raise quarkus.two-factor.senders.\"%s\".limits.max-sends if this traffic is"
                    + " expected", senderKey, budget.maxSends(), budget.window(), window.retryAfter().toSeconds(),
                    senderKey);
        }
        throw new SenderBudgetExhaustedException(senderKey, window.retryAfter());
    }

    /** Whether no refusal of the window that ends at {@code windowEnd} was logged yet; remembers this one. */
    private boolean firstRefusalOfWindow(String senderKey, Instant now, Instant windowEnd) {
        boolean[] first = new boolean[1];
        loggedUntil.compute(senderKey, (key, until) -> {
            first[0] = until == null || !now.isBefore(until);
            return first[0] ? windowEnd : until;
        });
        return first[0];
    }
}
