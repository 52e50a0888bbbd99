package io.quarkiverse.twofactor.it.twilio;

import static io.quarkiverse.twofactor.it.twilio.TwilioStandIn.prefix;
import static io.quarkiverse.twofactor.it.twilio.TwilioStandIn.sender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts WireMock in process as the Twilio REST API and configures the Twilio senders of the demo against it:
 * <ul>
 * <li>{@code sms}: auth token, {@code from} number, recipients in +1 and +44 only;
 * <li>{@code sms-service}: auth token, Messaging Service instead of a number;
 * <li>{@code sms-key}: API key and secret;
 * <li>{@code whatsapp}: a {@code whatsapp:} sender;
 * <li>{@code sms-down}: an API base URL where nothing listens;
 * <li>{@code sms-regions} and {@code whatsapp-regions}: recipients in the regions US and CA only;
 * <li>{@code sms-mobile}: mobile recipients only.
 * </ul>
 * Every sender has 1 s timeouts and retries after 10 ms.
 */
public class TwilioMock implements QuarkusTestResourceLifecycleManager {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "auth-token-0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    public static final String API_KEY = "SKfedcba9876543210fedcba9876543210";
    public static final String API_SECRET = "api-secret-a1b2c3d4e5f60718293a4b5c6d7e8f90";
    public static final String FROM = "+15005550006";
    public static final String MESSAGING_SERVICE_SID = "MG00112233445566778899aabbccddeeff";
    public static final String WHATSAPP_FROM = "whatsapp:+14155238886";
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private TwilioStandIn twilio;

    @Override
    public Map<String, String> start() {
        twilio = TwilioStandIn.start();
        String url = twilio.url();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.two-factor.debug-code-response", "false");
        sender(config, "sms", url).put(prefix("sms") + "twilio.from", FROM);
        config.put(prefix("sms") + "twilio.allowed-country-codes", "+1,44");
        sender(config, "sms-service", url).put(prefix("sms-service") + "twilio.messaging-service-sid",
                MESSAGING_SERVICE_SID);
        sender(config, "sms-key", url).put(prefix("sms-key") + "twilio.from", FROM);
        config.remove(prefix("sms-key") + "twilio.auth-token");
        config.put(prefix("sms-key") + "twilio.api-key", API_KEY);
        config.put(prefix("sms-key") + "twilio.api-secret", API_SECRET);
        sender(config, "whatsapp", url).put(prefix("whatsapp") + "twilio.from", WHATSAPP_FROM);
        sender(config, "sms-down", "http://localhost:" + closedPort()).put(prefix("sms-down") + "twilio.from", FROM);
        sender(config, "sms-regions", url).put(prefix("sms-regions") + "twilio.from", FROM);
        config.put(prefix("sms-regions") + "twilio.allowed-regions", "US,ca");
        sender(config, "whatsapp-regions", url).put(prefix("whatsapp-regions") + "twilio.from", WHATSAPP_FROM);
        config.put(prefix("whatsapp-regions") + "twilio.allowed-regions", "US,CA");
        sender(config, "sms-mobile", url).put(prefix("sms-mobile") + "twilio.from", FROM);
        config.put(prefix("sms-mobile") + "twilio.require-mobile", "true");
        // The log test reads what the backend and the SDK log at their most talkative.
        config.put("quarkus.log.category.\"io.quarkiverse.twofactor\".level", "DEBUG");
        config.put("quarkus.log.category.\"com.twilio\".level", "DEBUG");
        return config;
    }

    /** A port that was free a moment ago, so that connecting to it is refused. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        twilio.inject(injector);
    }

    @Override
    public void stop() {
        if (twilio != null) {
            twilio.stop();
        }
    }
}
