package io.quarkiverse.twofactor.runtime.health;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.twofactor.runtime.StoreSelector;
import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkiverse.twofactor.spi.StoreUnavailableException;

/**
 * The readiness check {@code two-factor-store}: UP when the selected confirmation store answers its
 * {@linkplain ConfirmationStore#probe() probe}, DOWN with the reason when it does not. Registered only when the
 * application has SmallRye Health.
 */
@Readiness
@Singleton
public class StoreReadinessCheck implements HealthCheck {

    static final String NAME = "two-factor-store";

    private final ConfirmationStore store;

    @Inject
    StoreReadinessCheck(StoreSelector stores) {
        this.store = stores.selected();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("store", store.name());
        try {
            store.probe();
            return response.up().build();
        } catch (StoreUnavailableException e) {
            return response.down().withData("reason", e.getMessage()).build();
        } catch (RuntimeException e) {
            // Another exception's message was not written for a health report: its class says enough.
            return response.down().withData("reason", "The store's probe failed (" + e.getClass().getName() + ")")
                    .build();
        }
    }
}
