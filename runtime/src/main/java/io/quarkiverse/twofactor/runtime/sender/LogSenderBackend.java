package io.quarkiverse.twofactor.runtime.sender;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.twofactor.spi.Delivery;
import io.quarkiverse.twofactor.spi.SenderBackend;
import io.quarkiverse.twofactor.spi.SenderSettings;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Writes each message, code included, to the log: for trying flows in dev mode and tests. It refuses to start in
 * production, where a code in a log line is a leak. It also keeps the last messages it wrote, for the Dev UI card.
 */
@Singleton
public class LogSenderBackend implements SenderBackend {

    public static final String NAME = "log";
    private static final Logger LOG = Logger.getLogger(LogSenderBackend.class);
    private static final int KEPT = 100;

    private final Deque<LoggedDelivery> logged = new ArrayDeque<>();

    /** A delivery this backend wrote to the log, with the key of the sender it went through. */
    public record LoggedDelivery(String senderKey, Delivery delivery) {
    }

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
        synchronized (logged) {
            logged.addFirst(new LoggedDelivery(sender.key(), delivery));
            if (logged.size() > KEPT) {
                logged.removeLast();
            }
        }
    }

    /** The deliveries written to the log lately, newest first. */
    public List<LoggedDelivery> recent() {
        synchronized (logged) {
            return List.copyOf(logged);
        }
    }
}
