package io.quarkiverse.twofactor.twilio;

import java.util.Map;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefaults;

/**
 * The {@code twilio.*} settings of the senders. They sit beside each sender's other settings, which the core
 * extension maps under the same prefix.
 */
@ConfigMapping(prefix = "quarkus.two-factor")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface TwilioSendersConfig {

    /**
     * The senders, by key.
     */
    @ConfigDocMapKey("sender-key")
    @WithDefaults
    Map<String, Sender> senders();

    interface Sender {

        /**
         * Settings of the {@code twilio} backend.
         */
        TwilioSenderConfig twilio();
    }
}
