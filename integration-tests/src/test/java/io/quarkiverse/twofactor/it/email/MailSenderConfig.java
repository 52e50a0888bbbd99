package io.quarkiverse.twofactor.it.email;

import java.util.HashMap;
import java.util.Map;

/** The configuration of an {@code email} sender that talks to a local test server. */
final class MailSenderConfig {

    static final String FROM_ADDRESS = "no-reply@demo.example";
    /** A display name outside ASCII, so the From header must be encoded. */
    static final String FROM_NAME = "Démo";

    private MailSenderConfig() {
    }

    /**
     * Sender {@code key} on {@code localhost:port}, in plain SMTP unless {@code extra} says otherwise, with short
     * timeouts and quick retries, and no code in REST responses: the e-mail is the only way to the code.
     */
    static Map<String, String> sender(String key, int port, Map<String, String> extra) {
        String prefix = "quarkus.two-factor.senders.\"" + key + "\".";
        Map<String, String> config = new HashMap<>();
        config.put(prefix + "backend", "email");
        config.put(prefix + "email.from", FROM_NAME + " <" + FROM_ADDRESS + ">");
        config.put(prefix + "email.host", "localhost");
        config.put(prefix + "email.port", Integer.toString(port));
        config.put(prefix + "email.start-tls", "disabled");
        config.put(prefix + "email.connect-timeout", "2S");
        config.put(prefix + "email.timeout", "2S");
        config.put(prefix + "retry.max-attempts", "3");
        config.put(prefix + "retry.initial-delay", "10MS");
        extra.forEach((name, value) -> config.put(prefix + name, value));
        config.put("quarkus.two-factor.debug-code-response", "false");
        return config;
    }
}
