package io.quarkiverse.twofactor.it.twilioonly;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * WireMock in process as Twilio's Messages API, accepting every message; injected into the test's
 * {@link WireMockServer} field.
 */
public class TwilioStandIn implements QuarkusTestResourceLifecycleManager {

    static final String MESSAGES_PATH = "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"sid": "SMaabbccddeeffaabbccddeeffaabbccdd", "status": "queued",
                         "account_sid": "AC0123456789abcdef0123456789abcdef", "api_version": "2010-04-01"}
                        """)));
        return Map.of("quarkus.two-factor.senders.sms.twilio.api-base-url", "http://localhost:" + server.port());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
