package io.quarkiverse.twofactor.spi;

import java.util.Map;
import java.util.Optional;

/**
 * One configured sender, as its backend sees it.
 *
 * @param key the sender's key in {@code quarkus.two-factor.senders."key"}
 * @param backend the backend's name
 * @param verboseName the name shown to users, if configured
 * @param options the sender's {@code options.*} entries
 */
public record SenderSettings(String key, String backend, Optional<String> verboseName, Map<String, String> options) {

    public SenderSettings {
        options = Map.copyOf(options);
    }

    /** The full name of one of this sender's properties, for error messages. */
    public String property(String name) {
        return "quarkus.two-factor.senders.\"" + key + "\"." + name;
    }
}
