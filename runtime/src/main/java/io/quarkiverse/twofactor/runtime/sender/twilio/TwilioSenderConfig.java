package io.quarkiverse.twofactor.runtime.sender.twilio;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.WithDefault;

/**
 * Settings of a sender whose backend is {@code twilio}.
 */
public interface TwilioSenderConfig {

    /**
     * The Twilio account SID ({@code AC...}). Required by the {@code twilio} backend.
     */
    Optional<String> accountSid();

    /**
     * The account's auth token. Give either this or {@code api-key} with {@code api-secret}.
     */
    Optional<String> authToken();

    /**
     * An API key SID ({@code SK...}), used with {@code api-secret} instead of the auth token.
     */
    Optional<String> apiKey();

    /**
     * The secret of {@code api-key}.
     */
    Optional<String> apiSecret();

    /**
     * The sending phone number in E.164 form, or {@code whatsapp:+...} to send WhatsApp messages. Give either this
     * or {@code messaging-service-sid}.
     */
    Optional<String> from();

    /**
     * A Messaging Service SID ({@code MG...}) that picks the sending number.
     */
    Optional<String> messagingServiceSid();

    /**
     * Where the Twilio REST API is reached; change it only for a proxy or a test double.
     */
    @WithDefault("https://api.twilio.com")
    String apiBaseUrl();

    /**
     * Country calling codes recipients may have, such as {@code +1,+44}. Numbers outside the list are refused before
     * any message is sent, a defence against SMS-pumping fraud. Empty allows every country.
     */
    Optional<List<String>> allowedCountryCodes();

    /**
     * How long to wait for a connection to the API.
     */
    @WithDefault("5S")
    Duration connectTimeout();

    /**
     * How long to wait for the API's answer.
     */
    @WithDefault("10S")
    Duration readTimeout();
}
