package io.quarkiverse.twofactor.bench;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;

/**
 * The flow through the Java API: request a code (sent nowhere), then either confirm it and use the confirmation (three
 * steps) or confirm and spend it in one call (two steps).
 */
@Singleton
class InProcessFlow {

    @Inject
    Confirmer confirmer;

    void runThreeSteps() {
        NewConfirmation made = confirmer.request("default", Recipients.next(), Map.of());
        ConfirmResult confirmed = confirmer.confirm(made.state().id(), made.code());
        if (confirmed.outcome() != ConfirmResult.Outcome.CONFIRMED) {
            throw new IllegalStateException("confirm answered " + confirmed.outcome());
        }
        if (!confirmer.use(made.state().id())) {
            throw new IllegalStateException("use refused a confirmed confirmation");
        }
    }

    void runTwoSteps() {
        NewConfirmation made = confirmer.request("default", Recipients.next(), Map.of());
        ConfirmResult spent = confirmer.confirmAndUse(made.state().id(), made.code());
        if (spent.outcome() != ConfirmResult.Outcome.CONFIRMED) {
            throw new IllegalStateException("confirmAndUse answered " + spent.outcome());
        }
    }
}
