package io.quarkiverse.twofactor.email;

import java.util.Map;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefaults;

/**
 * The {@code email.*} settings of the senders. They sit beside each sender's other settings, which the core
 * extension maps under the same prefix.
 */
@ConfigMapping(prefix = "quarkus.two-factor")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface EmailSendersConfig {

    /**
     * The senders, by key.
     */
    @ConfigDocMapKey("sender-key")
    @WithDefaults
    Map<String, Sender> senders();

    interface Sender {

        /**
         * Settings of the {@code email} backend.
         */
        EmailSenderConfig email();
    }
}
