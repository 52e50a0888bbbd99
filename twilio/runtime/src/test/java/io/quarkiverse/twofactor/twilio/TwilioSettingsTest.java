package io.quarkiverse.twofactor.twilio;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.spi.SenderSettings;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The twilio backend's checks of a sender's settings, run on the backend alone: each refusal names the property to
 * fix and never shows a secret. (Startup failing on them is covered by
 * {@code TwilioConfigValidationTest} in the deployment module.)
 */
class TwilioSettingsTest {

    private static final String PREFIX = "quarkus.two-factor.senders.\"sms\".";
    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String AUTH_TOKEN = "auth-token-0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String API_KEY = "SKfedcba9876543210fedcba9876543210";
    private static final String API_SECRET = "api-secret-a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String FROM = "+15005550006";

    @Test
    void completeSettingsAreAccepted() {
        assertDoesNotThrow(() -> validate(complete()));
    }

    @Test
    void missingCredentialsNameBothWaysToGiveThem() {
        Map<String, String> settings = complete();
        settings.remove(PREFIX + "twilio.auth-token");

        String message = refusal(settings);

        assertThat(message, containsString(PREFIX + "twilio.auth-token"));
        assertThat(message, containsString(PREFIX + "twilio.api-key"));
        assertThat(message, containsString(PREFIX + "twilio.api-secret"));
    }

    @Test
    void apiKeyWithoutItsSecretIsRefused() {
        Map<String, String> settings = complete();
        settings.remove(PREFIX + "twilio.auth-token");
        settings.put(PREFIX + "twilio.api-key", API_KEY);

        assertThat(refusal(settings), containsString(PREFIX + "twilio.api-secret"));
    }

    @Test
    void authTokenAndApiKeyTogetherAreRefusedWithoutShowingEither() {
        Map<String, String> settings = complete();
        settings.put(PREFIX + "twilio.api-key", API_KEY);
        settings.put(PREFIX + "twilio.api-secret", API_SECRET);

        String message = refusal(settings);

        assertThat(message, containsString(PREFIX + "twilio.auth-token"));
        assertThat(message, not(containsString(AUTH_TOKEN)));
        assertThat(message, not(containsString(API_SECRET)));
    }

    @Test
    void senderWithNeitherFromNorMessagingServiceIsRefused() {
        Map<String, String> settings = complete();
        settings.remove(PREFIX + "twilio.from");

        String message = refusal(settings);

        assertThat(message, containsString(PREFIX + "twilio.from"));
        assertThat(message, containsString(PREFIX + "twilio.messaging-service-sid"));
    }

    @Test
    void apiBaseUrlThatIsNotHttpIsRefused() {
        Map<String, String> settings = complete();
        settings.put(PREFIX + "twilio.api-base-url", "ftp://localhost:21");

        assertThat(refusal(settings), containsString(PREFIX + "twilio.api-base-url"));
    }

    @Test
    void allowedCountryCodeThatIsNotOneIsRefused() {
        Map<String, String> settings = complete();
        settings.put(PREFIX + "twilio.allowed-country-codes", "+1,UK");

        String message = refusal(settings);

        assertThat(message, containsString(PREFIX + "twilio.allowed-country-codes"));
        assertThat(message, containsString("'UK'"));
    }

    @Test
    void allowedRegionThatIsNotOneIsRefused() {
        Map<String, String> settings = complete();
        settings.put(PREFIX + "twilio.allowed-regions", "US,UK");

        String message = refusal(settings);

        assertThat(message, containsString(PREFIX + "twilio.allowed-regions"));
        assertThat(message, containsString("'UK'"));
    }

    @Test
    void allowedRegionsInAnyCaseAreAccepted() {
        Map<String, String> settings = complete();
        settings.put(PREFIX + "twilio.allowed-regions", "us, Ca,GB");

        assertDoesNotThrow(() -> validate(settings));
    }

    @Test
    void countryCodeSharedByManyRegionsIsWarnedAboutNamingAllowedRegions() {
        Map<String, String> settings = complete();
        settings.put(PREFIX + "twilio.allowed-country-codes", "+1,+33");

        List<String> warnings = warningsOf(() -> validate(settings));

        assertEquals(1, warnings.size(), warnings::toString);
        assertThat(warnings.get(0), containsString(PREFIX + "twilio.allowed-country-codes admits +1"));
        assertThat(warnings.get(0), containsString("JM"));
        assertThat(warnings.get(0), containsString(PREFIX + "twilio.allowed-regions"));
    }

    @Test
    void sharedCountryCodeIsNotWarnedAboutWhenRegionsAreSet() {
        Map<String, String> settings = complete();
        settings.put(PREFIX + "twilio.allowed-country-codes", "+1");
        settings.put(PREFIX + "twilio.allowed-regions", "US");

        assertEquals(List.of(), warningsOf(() -> validate(settings)));
    }

    @Test
    void zeroReadTimeoutIsRefused() {
        Map<String, String> settings = complete();
        settings.put(PREFIX + "twilio.read-timeout", "0S");

        assertThat(refusal(settings), containsString(PREFIX + "twilio.read-timeout"));
    }

    /** The WARN lines the backend logs while {@code work} runs. */
    private static List<String> warningsOf(Runnable work) {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()
                        && record.getLoggerName().startsWith("io.quarkiverse.twofactor")) {
                    warnings.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            work.run();
        } finally {
            root.removeHandler(capture);
        }
        return List.copyOf(warnings);
    }

    private static Map<String, String> complete() {
        Map<String, String> settings = new HashMap<>();
        settings.put(PREFIX + "twilio.account-sid", ACCOUNT_SID);
        settings.put(PREFIX + "twilio.auth-token", AUTH_TOKEN);
        settings.put(PREFIX + "twilio.from", FROM);
        return settings;
    }

    private static String refusal(Map<String, String> settings) {
        return assertThrows(ConfigurationException.class, () -> validate(settings)).getMessage();
    }

    private static void validate(Map<String, String> settings) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(TwilioSendersConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(settings, "test", 100))
                .build();
        new TwilioSenderBackend(config.getConfigMapping(TwilioSendersConfig.class))
                .validate(new SenderSettings("sms", "twilio", Optional.empty(), Map.of()));
    }
}
