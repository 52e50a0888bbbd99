package io.quarkiverse.twofactor.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.twofactor.Authenticators;
import io.quarkiverse.twofactor.Outbox;
import io.quarkiverse.twofactor.RecoveryCodes;
import io.quarkiverse.twofactor.UnknownSenderException;
import io.quarkiverse.twofactor.spi.SenderBackend;
import io.quarkiverse.twofactor.spi.SenderSettings;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Binds each configured sender key to its backend at startup, and refuses a configuration that names a backend or a
 * default sender that does not exist.
 */
@Singleton
@Startup
public class SenderRegistry {

    /** The built-in backends that come in extensions of their own, and those extensions. */
    private static final Map<String, String> BACKEND_EXTENSIONS = Map.of(
            "twilio", "io.quarkiverse.twofactor:quarkus-two-factor-twilio",
            "email", "io.quarkiverse.twofactor:quarkus-two-factor-email");

    private final Map<String, ConfiguredSender> senders = new TreeMap<>();
    private final String defaultSender;

    @Inject
    SenderRegistry(TwoFactorConfig config, @All List<SenderBackend> backends, Outbox outbox, MessageLanguages languages,
            @ConfigProperty(name = "quarkus.application.name") Optional<String> appName) {
        Map<String, SenderBackend> backendsByName = UniqueNames.index(backends, SenderBackend::name, "sender backends");
        config.senders().forEach((key, sender) -> {
            SenderSettings settings = new SenderSettings(key, sender.backend(), sender.verboseName(), sender.options());
            if (key.equals(Authenticators.METHOD) || key.equals(RecoveryCodes.METHOD)) {
                throw new ConfigurationException(settings.property("backend").replace(".backend", "") + " is not"
                        + " allowed: '" + key + "' is the key of a built-in method, not of a sender");
            }
            SenderBackend backend = backendsByName.get(sender.backend());
            if (backend == null) {
                throw missingBackend(settings, backendsByName.keySet());
            }
            senders.put(key, new ConfiguredSender(settings, sender, backend, languages,
                    appName.orElse("application"), outbox));
        });
        defaultSender = config.defaultSender();
        if (!senders.isEmpty() && !senders.containsKey(defaultSender)) {
            throw new ConfigurationException("quarkus.two-factor.default-sender is '" + defaultSender
                    + "', but no sender has that key. Configured senders: " + String.join(", ", senders.keySet()));
        }
    }

    private static ConfigurationException missingBackend(SenderSettings settings, Set<String> known) {
        String extension = BACKEND_EXTENSIONS.get(settings.backend());
        String reason = extension != null
                ? "which comes in the extension " + extension + ": add it to the application's dependencies"
                : "which does not exist. Known backends: " + String.join(", ", known);
        return new ConfigurationException(
                settings.property("backend") + " names the backend '" + settings.backend() + "', " + reason);
    }

    /**
     * Stops the senders' deliveries while the store is still there: those still queued are failed, those in flight get
     * until their sender's deadline.
     */
    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        senders.values().forEach(sender -> sender.limit().stop());
        for (ConfiguredSender sender : senders.values()) {
            sender.limit().awaitStopped();
        }
    }

    /** The configured senders, by key. */
    public List<SenderSettings> all() {
        return senders.values().stream().map(ConfiguredSender::settings).toList();
    }

    /** The sender with this key, if one is configured. */
    Optional<ConfiguredSender> find(String key) {
        return Optional.ofNullable(key == null ? null : senders.get(key));
    }

    /** The sender with this key, or the default sender when the key is {@code null}. */
    public ConfiguredSender get(String key) {
        String wanted = key == null ? defaultSender : key;
        ConfiguredSender sender = senders.get(wanted);
        if (sender == null) {
            throw new UnknownSenderException(wanted);
        }
        return sender;
    }
}
