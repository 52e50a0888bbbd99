package io.quarkiverse.twofactor.it.delivery;

import static io.quarkiverse.twofactor.it.twilio.TwilioStandIn.prefix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkiverse.twofactor.it.twilio.TwilioMock;
import io.quarkiverse.twofactor.it.twilio.TwilioStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Twilio stand-ins for the delivery limits, and the Twilio senders of the demo pointed at them:
 * <ul>
 * <li>{@code hung} ({@code sync}) and {@code hung-async}: a socket that accepts connections and never answers, with
 * 1 s read timeouts, 8 deliveries at once and a 3 s deadline; {@code hung} queues none, {@code hung-async} 32;
 * <li>{@code twilio-async}: WireMock as the Twilio API, delivering in the background, with a 5 s read timeout.
 * </ul>
 */
public class DeliveryStandIns implements QuarkusTestResourceLifecycleManager {

    static final int MAX_CONCURRENT = 8;
    static final int MAX_QUEUED_ASYNC = 32;

    private TwilioStandIn twilio;
    private ServerSocket silent;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        twilio = TwilioStandIn.start();
        silent = silentServer();
        String silentUrl = "http://localhost:" + silent.getLocalPort();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.two-factor.debug-code-response", "false");
        sender(config, "hung", silentUrl);
        // Refused at once when every place is taken, so that the burst's answers do not wait for the deadline.
        config.put(prefix("hung") + "delivery.max-queued", "0");
        sender(config, "hung-async", silentUrl);
        config.put(prefix("hung-async") + "delivery.mode", "async");
        config.put(prefix("hung-async") + "delivery.max-queued", Integer.toString(MAX_QUEUED_ASYNC));
        sender(config, "twilio-async", twilio.url());
        config.put(prefix("twilio-async") + "delivery.mode", "async");
        // Long enough for the slow answers the tests stub, so that "queued" can be seen before "sent".
        config.put(prefix("twilio-async") + "twilio.read-timeout", "5S");
        return config;
    }

    private static void sender(Map<String, String> config, String key, String url) {
        TwilioStandIn.sender(config, key, url);
        String prefix = prefix(key);
        config.put(prefix + "twilio.from", TwilioMock.FROM);
        config.put(prefix + "delivery.max-concurrent", Integer.toString(MAX_CONCURRENT));
        config.put(prefix + "delivery.deadline", "3S");
    }

    /** Accepts every connection, keeps it open and never writes a byte. */
    private ServerSocket silentServer() {
        try {
            ServerSocket server = new ServerSocket(0, 500);
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        accepted.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-twilio");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
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
        try {
            if (silent != null) {
                silent.close();
            }
            for (Socket socket : accepted) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
