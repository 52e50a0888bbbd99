package io.quarkiverse.twofactor.it.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A {@link ScriptedSmtpServer} on a free port, and sender {@code mail} delivering to it. */
public class ScriptedSmtpResource implements QuarkusTestResourceLifecycleManager {

    private ScriptedSmtpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = new ScriptedSmtpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return MailSenderConfig.sender("mail", server.port(), Map.of());
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
