package io.quarkiverse.twofactor.email.deployment;

import io.quarkiverse.twofactor.email.EmailSenderBackend;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.annotations.BuildStep;

/** The built-in {@code email} sender backend, which delivers codes over SMTP. */
class EmailProcessor {

    @BuildStep
    AdditionalBeanBuildItem emailSenderBackend() {
        return new AdditionalBeanBuildItem(EmailSenderBackend.class);
    }
}
