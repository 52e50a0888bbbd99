package io.quarkiverse.twofactor.email;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.WithDefault;

/**
 * Settings of a sender whose backend is {@code email}.
 */
public interface EmailSenderConfig {

    /**
     * The sender address of the e-mails. Required by the {@code email} backend.
     */
    Optional<String> from();

    /**
     * The SMTP server's host. Required by the {@code email} backend.
     */
    Optional<String> host();

    /**
     * The SMTP server's port; 465 with {@code ssl}, otherwise 587 by default.
     */
    OptionalInt port();

    /**
     * The SMTP user name, when the server requires authentication.
     */
    Optional<String> username();

    /**
     * The SMTP password.
     */
    Optional<String> password();

    /**
     * Whether to upgrade the connection with STARTTLS: {@code required}, {@code optional} or {@code disabled}.
     */
    @WithDefault("required")
    StartTls startTls();

    /**
     * Connects with TLS from the start (SMTPS), usually on port 465.
     */
    @WithDefault("false")
    boolean ssl();

    /**
     * Trusts every server certificate. For tests against a local server only.
     */
    @WithDefault("false")
    boolean trustAll();

    /**
     * How long to wait for a connection to the server.
     */
    @WithDefault("10S")
    Duration connectTimeout();

    /**
     * How long to wait for each answer of the server.
     */
    @WithDefault("10S")
    Duration timeout();

    enum StartTls {
        REQUIRED,
        OPTIONAL,
        DISABLED
    }
}
