package io.quarkiverse.twofactor.twilio;

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
     * Where the Twilio REST API is reached; change it only for a proxy or a test double. In production it must be an
     * {@code https} URL unless its host is a loopback address ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}),
     * where only a local stand-in can listen: startup fails otherwise.
     */
    @WithDefault("https://api.twilio.com")
    String apiBaseUrl();

    /**
     * ISO 3166 region codes recipients' numbers must belong to, such as {@code US,CA}. Each number is resolved to its
     * region with libphonenumber's numbering plans, so {@code +1 876...} is Jamaica ({@code JM}) and is refused when
     * only {@code US,CA} are allowed. When set, numbers in no range their plan assigns are refused too. Refusals answer
     * {@code 400} before any message is sent, a defence against SMS-pumping fraud. Empty allows every region.
     */
    Optional<List<String>> allowedRegions();

    /**
     * Refuse numbers that libphonenumber does not know as mobile numbers (type {@code MOBILE}, or
     * {@code FIXED_LINE_OR_MOBILE} where a plan does not tell them apart): landlines, premium-rate, toll-free, VoIP and
     * the like. Numbers in no assigned range are refused too.
     */
    @WithDefault("false")
    boolean requireMobile();

    /**
     * Country calling codes recipients may have, such as {@code +1,+44}: a prefix match, weaker than
     * {@code allowed-regions}. A calling code may be shared by many regions: {@code +1} admits the whole North American
     * Numbering Plan, Jamaica ({@code +1 876}) and the Dominican Republic ({@code +1 809}) included, and startup logs a
     * warning naming them when {@code allowed-regions} is not set. Kept for existing configurations; when both are set,
     * a number must pass both. Empty allows every country.
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
