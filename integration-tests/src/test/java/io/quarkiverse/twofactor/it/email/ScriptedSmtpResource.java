package io.quarkiverse.twofactor.it.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A {@link ScriptedSmtpServer} on a free port, and three senders delivering to it: {@code mail} in plain SMTP,
 * {@code mail-starttls} with STARTTLS required, trusting the server's self-signed certificate, and
 * {@code mail-untrusted} with STARTTLS required, not trusting it.
 */
public class ScriptedSmtpResource implements QuarkusTestResourceLifecycleManager {

    private ScriptedSmtpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = new ScriptedSmtpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> config = new HashMap<>(MailSenderConfig.sender("mail", server.port(), Map.of()));
        config.putAll(MailSenderConfig.sender("mail-starttls", server.port(),
                Map.of("email.start-tls", "required", "email.trust-all", "true")));
        config.putAll(MailSenderConfig.sender("mail-untrusted", server.port(), Map.of("email.start-tls", "required")));
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectSmtpServer.class, ScriptedSmtpServer.class));
    }

    @Override
    public void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
