package io.quarkiverse.twofactor.it.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** An e-mail sender whose SMTP server is down: nothing listens on its port. */
public class SmtpDownProfile implements QuarkusTestProfile {

    private static final int PORT = portNothingListensOn();

    @Override
    public Map<String, String> getConfigOverrides() {
        return MailSenderConfig.sender("mail", PORT, Map.of());
    }

    /** A port that was free a moment ago; the socket that found it is closed again. */
    private static int portNothingListensOn() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
