package io.quarkiverse.twofactor.twilio;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

import io.quarkiverse.twofactor.InvalidRecipientException;
import io.quarkiverse.twofactor.spi.SenderSettings;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * One sender's checked Twilio settings and its own REST client: senders may use different accounts, so nothing goes
 * through the SDK's static {@code Twilio.init}.
 */
final class TwilioSender {

    private static final Logger LOG = Logger.getLogger(TwilioSender.class);
    private static final String WHATSAPP = "whatsapp:";
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.[0-9]{1,3}){3}");

    private final String key;
    private final TwilioRestClient client;
    private final Optional<String> from;
    private final Optional<String> messagingServiceSid;
    private final List<String> allowedCountryCodes;
    private final Set<String> allowedRegions;
    private final boolean requireMobile;

    private TwilioSender(String key, TwilioRestClient client, Optional<String> from,
            Optional<String> messagingServiceSid, List<String> allowedCountryCodes, Set<String> allowedRegions,
            boolean requireMobile) {
        this.key = key;
        this.client = client;
        this.from = from;
        this.messagingServiceSid = messagingServiceSid;
        this.allowedCountryCodes = allowedCountryCodes;
        this.allowedRegions = allowedRegions;
        this.requireMobile = requireMobile;
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
        URI baseUrl = baseUrl(settings, config.apiBaseUrl(), LaunchMode.current() == LaunchMode.NORMAL);
        Duration connectTimeout = positive(settings, "twilio.connect-timeout", config.connectTimeout());
        Duration readTimeout = positive(settings, "twilio.read-timeout", config.readTimeout());
        TwilioRestClient client = builder.accountSid(accountSid)
                .httpClient(new TwilioHttpClient(baseUrl, connectTimeout, readTimeout))
                .build();
        Set<String> regions = regions(settings, config.allowedRegions().orElse(List.of()));
        List<String> countryCodes = countryCodes(settings, config.allowedCountryCodes().orElse(List.of()));
        if (regions.isEmpty()) {
            warnOfSharedCountryCodes(settings, countryCodes);
        }
        return new TwilioSender(settings.key(), client, config.from(), config.messagingServiceSid(), countryCodes,
                regions, config.requireMobile());
    }

    /**
     * Refuses, before any call to Twilio, a number that is not E.164, that no numbering plan allows (an unknown
     * country code, a length its plan never has), or that is outside the allowed country codes; and, when
     * {@code allowed-regions} or {@code require-mobile} is set, a number in no assigned range, in a region not allowed,
     * or not a mobile. A {@code whatsapp:} sender's recipients are the same phone numbers, without the prefix.
     *
     * @throws InvalidRecipientException saying why; the message does not repeat the number
     */
    void checkRecipient(String recipient) {
        if (!PhoneNumbers.isE164(recipient)) {
            throw new InvalidRecipientException("Sender '" + key + "' delivers to phone numbers in E.164 form: "
                    + "a plus, the country code and the number, digits only");
        }
        var number = PhoneNumbers.possible(recipient).orElseThrow(() -> new InvalidRecipientException("Sender '"
                + key + "' cannot deliver to this number: no numbering plan has a number of its country code and"
                + " length"));
        if (!allowedCountryCodes.isEmpty() && allowedCountryCodes.stream().noneMatch(recipient::startsWith)) {
            throw new InvalidRecipientException("Sender '" + key + "' does not deliver to this country; allowed "
                    + "country codes: " + String.join(", ", allowedCountryCodes));
        }
        if (allowedRegions.isEmpty() && !requireMobile) {
            return;
        }
        if (!PhoneNumbers.isValid(number)) {
            throw new InvalidRecipientException("Sender '" + key + "' cannot deliver to this number: it is in no"
                    + " range its country's numbering plan assigns");
        }
        String region = PhoneNumbers.region(number);
        if (!allowedRegions.isEmpty() && !allowedRegions.contains(region)) {
            throw new InvalidRecipientException("Sender '" + key + "' does not deliver to region " + region
                    + "; allowed regions: " + String.join(", ", allowedRegions));
        }
        if (requireMobile && !PhoneNumbers.isMobile(number)) {
            throw new InvalidRecipientException("Sender '" + key + "' delivers to mobile numbers only");
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

    /**
     * The API's base URL: http or https, with a host and no user info or query; in production https unless the host is
     * a loopback address, where only a local stand-in can listen.
     */
    static URI baseUrl(SenderSettings settings, String value, boolean production) {
        String property = settings.property("twilio.api-base-url");
        URI url;
        try {
            url = new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigurationException(property + " is not a URL");
        }
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        boolean http = https || "http".equalsIgnoreCase(url.getScheme());
        if (!http || url.getHost() == null || url.getRawUserInfo() != null || url.getRawQuery() != null) {
            throw new ConfigurationException(property
                    + " must be an http or https URL with a host and no user info or query");
        }
        if (production && !https && !isLoopback(url.getHost())) {
            throw new ConfigurationException(property + " must be an https URL in production: over http the"
                    + " credentials and codes would cross the network readable; only a loopback host (localhost,"
                    + " 127.0.0.0/8, ::1) may use http");
        }
        return url;
    }

    /** {@code localhost}, or a literal address in 127.0.0.0/8 or {@code ::1}; no name is looked up. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost") || IPV4_LOOPBACK.matcher(host).matches()) {
            return true;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            try {
                // A literal IPv6 address: parsed, never resolved.
                return InetAddress.getByName(host.substring(1, host.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
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

    private static Set<String> regions(SenderSettings settings, List<String> configured) {
        Set<String> regions = new TreeSet<>();
        for (String value : configured) {
            String region = PhoneNumbers.regionCode(value);
            if (region == null) {
                throw new ConfigurationException(settings.property("twilio.allowed-regions") + " holds '" + value
                        + "', which is not an ISO 3166 region code with a numbering plan, such as US or GB");
            }
            regions.add(region);
        }
        return Collections.unmodifiableSet(regions);
    }

    /** A country code alone admits every region that shares it: +1 is the United States and Jamaica alike. */
    private static void warnOfSharedCountryCodes(SenderSettings settings, List<String> countryCodes) {
        for (String code : countryCodes) {
            List<String> regions = PhoneNumbers.regionsOf(code);
            if (regions.size() > 1) {
                LOG.warnf("%s admits %s, which %d regions share (%s); name the regions to deliver to in %s",
                        settings.property("twilio.allowed-country-codes"), code, regions.size(),
                        String.join(", ", regions), settings.property("twilio.allowed-regions"));
            }
        }
    }
}
