package io.quarkiverse.twofactor.deployment;

import java.util.Optional;

import io.quarkiverse.twofactor.runtime.CdiConfirmationEvents;
import io.quarkiverse.twofactor.runtime.TwoFactorBuildTimeConfig;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;

/**
 * What an application sees of the confirmations besides the API: CDI events always, the readiness check with SmallRye
 * Health, the meters with Micrometer. The last two classes are named, not referenced: they use APIs the application
 * may not have, and are never loaded without them.
 */
class ObservabilityProcessor {

    private static final String READINESS_CHECK = "io.quarkiverse.twofactor.runtime.health.StoreReadinessCheck";
    private static final String METRICS = "io.quarkiverse.twofactor.runtime.metrics.ConfirmationMetrics";

    @BuildStep
    AdditionalBeanBuildItem events() {
        return AdditionalBeanBuildItem.unremovableOf(CdiConfirmationEvents.class);
    }

    /** Consumed by SmallRye Health alone: without it, this step does not run and the check is not a bean. */
    @BuildStep
    HealthBuildItem storeReadinessCheck(TwoFactorBuildTimeConfig config) {
        return new HealthBuildItem(READINESS_CHECK, config.health().enabled());
    }

    @BuildStep
    void metrics(TwoFactorBuildTimeConfig config, Optional<MetricsCapabilityBuildItem> metricsCapability,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        boolean micrometer = metricsCapability.map(metrics -> metrics.metricsSupported(MetricsFactory.MICROMETER))
                .orElse(false);
        if (config.metrics().enabled() && micrometer) {
            beans.produce(AdditionalBeanBuildItem.builder().addBeanClass(METRICS).setUnremovable().build());
        }
    }
}
