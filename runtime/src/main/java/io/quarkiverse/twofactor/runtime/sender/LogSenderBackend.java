package io.quarkiverse.twofactor.runtime.sender;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.twofactor.spi.Delivery;
import io.quarkiverse.twofactor.spi.SenderBackend;
import io.quarkiverse.twofactor.spi.SenderSettings;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Writes each message, code included, to the log: for trying flows in dev mode and tests. It refuses to start in
 * production, where a code in a log line is a leak.
 */
@Singleton
public class LogSenderBackend implements SenderBackend {

    public static final String NAME = "log";
    private static final Logger LOG = Logger.getLogger(LogSenderBackend.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void validate(SenderSettings sender) {
        if (!LaunchMode.current().isDevOrTest()) {
            throw new ConfigurationException(sender.property("backend") + "=" + NAME
                    + " writes codes to the log and is for dev and test only; choose another backend in production");
        }
    }

    @Override
    public void send(SenderSettings sender, Delivery delivery) {
        LOG.infof("[sender %s] to %s: %s", sender.key(), delivery.recipient(), delivery.message());
    }
}
