package io.quarkiverse.twofactor.twilio.deployment;

import io.quarkiverse.twofactor.twilio.TwilioSenderBackend;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.annotations.BuildStep;

/** The built-in {@code twilio} sender backend. */
class TwilioProcessor {

    @BuildStep
    AdditionalBeanBuildItem twilioBackend() {
        return AdditionalBeanBuildItem.unremovableOf(TwilioSenderBackend.class);
    }
}
