package io.quarkiverse.twofactor.it.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;

/**
 * WireMock in process as the Twilio REST API, for the test resources that point the demo's Twilio senders at it; the
 * tests receive it in their {@link InjectTwilioMock} field.
 */
public final class TwilioStandIn {

    private final WireMockServer server;

    private TwilioStandIn(WireMockServer server) {
        this.server = server;
    }

    /** Starts WireMock on a free port, ready to answer within the senders' timeouts. */
    public static TwilioStandIn start() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        warmUp(server);
        return new TwilioStandIn(server);
    }

    public String url() {
        return "http://localhost:" + server.port();
    }

    /**
     * Adds the settings of a Twilio sender with the stand-in's account, at this URL, with 1 s timeouts and retries
     * after 10 ms; the caller adds its {@code from} or messaging service.
     */
    public static Map<String, String> sender(Map<String, String> config, String key, String url) {
        String prefix = prefix(key);
        config.put(prefix + "backend", "twilio");
        config.put(prefix + "twilio.account-sid", TwilioMock.ACCOUNT_SID);
        config.put(prefix + "twilio.auth-token", TwilioMock.AUTH_TOKEN);
        config.put(prefix + "twilio.api-base-url", url);
        config.put(prefix + "twilio.connect-timeout", "1S");
        config.put(prefix + "twilio.read-timeout", "1S");
        config.put(prefix + "retry.initial-delay", "10MS");
        return config;
    }

    /** The prefix of the sender's properties. */
    public static String prefix(String key) {
        return "quarkus.two-factor.senders.\"" + key + "\".";
    }

    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectTwilioMock.class, WireMockServer.class));
    }

    public void stop() {
        server.stop();
    }

    /**
     * Sends WireMock a few form posts like the backend's: its first answers take around a second, which the senders'
     * 1 s read timeout would count against Twilio.
     */
    private static void warmUp(WireMockServer server) {
        server.stubFor(post(urlEqualTo("/warm-up")).willReturn(aResponse().withStatus(201).withBody("{}")));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/warm-up"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("To=%2B15551234567&Body=warm")).build();
        try {
            for (int i = 0; i < 5; i++) {
                client.send(request, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        server.resetAll();
    }
}
