package io.quarkiverse.twofactor.runtime.sender.twilio;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

import io.quarkiverse.twofactor.InvalidRecipientException;
import io.quarkiverse.twofactor.spi.SenderSettings;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * One sender's checked Twilio settings and its own REST client: senders may use different accounts, so nothing goes
 * through the SDK's static {@code Twilio.init}.
 */
final class TwilioSender {

    private static final String WHATSAPP = "whatsapp:";

    private final String key;
    private final TwilioRestClient client;
    private final Optional<String> from;
    private final Optional<String> messagingServiceSid;
    private final List<String> allowedCountryCodes;

    private TwilioSender(String key, TwilioRestClient client, Optional<String> from,
            Optional<String> messagingServiceSid, List<String> allowedCountryCodes) {
        this.key = key;
        this.client = client;
        this.from = from;
        this.messagingServiceSid = messagingServiceSid;
        this.allowedCountryCodes = allowedCountryCodes;
    }

    /**
     * Checks a sender's settings and builds its client.
     *
     * @throws ConfigurationException naming the first property that is missing or wrong; never showing a secret
     */
    static TwilioSender of(SenderSettings settings, TwilioSenderConfig config) {
        String accountSid = config.accountSid().orElseThrow(() -> new ConfigurationException(
                settings.property("twilio.account-sid") + " is required by the twilio backend"));
        TwilioRestClient.Builder builder = credentials(settings, config, accountSid);
        if (config.from().isEmpty() && config.messagingServiceSid().isEmpty()) {
            throw new ConfigurationException(settings.property("twilio.from") + " or "
                    + settings.property("twilio.messaging-service-sid") + " is required by the twilio backend");
        }
        URI baseUrl = baseUrl(settings, config.apiBaseUrl());
        Duration connectTimeout = positive(settings, "twilio.connect-timeout", config.connectTimeout());
        Duration readTimeout = positive(settings, "twilio.read-timeout", config.readTimeout());
        TwilioRestClient client = builder.accountSid(accountSid)
                .httpClient(new TwilioHttpClient(baseUrl, connectTimeout, readTimeout))
                .build();
        return new TwilioSender(settings.key(), client, config.from(), config.messagingServiceSid(),
                countryCodes(settings, config.allowedCountryCodes().orElse(List.of())));
    }

    /**
     * @throws InvalidRecipientException for a number that is not E.164 or outside the allowed countries; the message
     *         does not repeat the number
     */
    void checkRecipient(String recipient) {
        if (!PhoneNumbers.isE164(recipient)) {
            throw new InvalidRecipientException("Sender '" + key + "' delivers to phone numbers in E.164 form: "
                    + "a plus, the country code and the number, digits only");
        }
        if (!allowedCountryCodes.isEmpty() && allowedCountryCodes.stream().noneMatch(recipient::startsWith)) {
            throw new InvalidRecipientException("Sender '" + key + "' does not deliver to this country; allowed "
                    + "country codes: " + String.join(", ", allowedCountryCodes));
        }
    }

    /** Creates one message through the Messages API. */
    Message send(String recipient, String body) {
        boolean whatsapp = from.map(f -> f.startsWith(WHATSAPP)).orElse(false);
        PhoneNumber to = new PhoneNumber(whatsapp ? WHATSAPP + recipient : recipient);
        MessageCreator creator = from.isPresent()
                ? Message.creator(to, new PhoneNumber(from.get()), body)
                : Message.creator(to, messagingServiceSid.get(), body);
        if (from.isPresent()) {
            messagingServiceSid.ifPresent(creator::setMessagingServiceSid);
        }
        return creator.create(client);
    }

    private static TwilioRestClient.Builder credentials(SenderSettings settings, TwilioSenderConfig config,
            String accountSid) {
        String token = settings.property("twilio.auth-token");
        String apiKey = settings.property("twilio.api-key");
        String apiSecret = settings.property("twilio.api-secret");
        boolean keyGiven = config.apiKey().isPresent() || config.apiSecret().isPresent();
        if (config.authToken().isPresent() && keyGiven) {
            throw new ConfigurationException("Give either " + token + " or " + apiKey + " with " + apiSecret
                    + ", not both");
        }
        if (config.authToken().isPresent()) {
            return new TwilioRestClient.Builder(accountSid, config.authToken().get());
        }
        if (config.apiKey().isPresent() && config.apiSecret().isPresent()) {
            return new TwilioRestClient.Builder(config.apiKey().get(), config.apiSecret().get());
        }
        if (keyGiven) {
            throw new ConfigurationException(apiKey + " and " + apiSecret + " go together; one of them is missing");
        }
        throw new ConfigurationException(token + ", or " + apiKey + " with " + apiSecret
                + ", is required by the twilio backend");
    }

    private static URI baseUrl(SenderSettings settings, String value) {
        String property = settings.property("twilio.api-base-url");
        try {
            URI url = new URI(value);
            boolean http = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
            if (!http || url.getHost() == null || url.getRawUserInfo() != null || url.getRawQuery() != null) {
                throw new ConfigurationException(property
                        + " must be an http or https URL with a host and no user info or query");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new ConfigurationException(property + " is not a URL");
        }
    }

    private static Duration positive(SenderSettings settings, String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new ConfigurationException(settings.property(name) + " must be positive");
        }
        return value;
    }

    private static List<String> countryCodes(SenderSettings settings, List<String> configured) {
        List<String> codes = new ArrayList<>();
        for (String value : configured) {
            String code = PhoneNumbers.countryCode(value);
            if (code == null) {
                throw new ConfigurationException(settings.property("twilio.allowed-country-codes") + " holds '"
                        + value + "', which is not a country calling code such as +44");
            }
            codes.add(code);
        }
        return List.copyOf(codes);
    }
}
