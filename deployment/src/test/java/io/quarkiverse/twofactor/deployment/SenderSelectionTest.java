package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.UnknownSenderException;
import io.quarkus.test.QuarkusUnitTest;

class SenderSelectionTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(RecordingBackend.class))
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.senders.\"custom\".backend", RecordingBackend.NAME)
            .overrideConfigKey("quarkus.two-factor.senders.\"custom\".verbose-name", "Carrier")
            .overrideConfigKey("quarkus.two-factor.senders.\"custom\".options.region", "eu-west")
            .overrideConfigKey("quarkus.two-factor.senders.\"custom\".options.from", "Acme")
            .overrideConfigKey("quarkus.two-factor.senders.\"fallback\".backend", RecordingBackend.NAME)
            .overrideConfigKey("quarkus.two-factor.default-sender", "fallback");

    @Inject
    Confirmer confirmer;

    @Inject
    RecordingBackend backend;

    @Test
    void senderKeyReachesTheApplicationBackendNamedInItsConfig() {
        NewConfirmation issued = confirmer.request("custom", "+33600000001", Map.of("user", "alice"));

        RecordingBackend.Sent sent = backend.sentFor(issued.state().id());
        assertEquals(issued.code(), sent.delivery().code());
        assertEquals("+33600000001", sent.delivery().recipient());
        assertEquals(Map.of("user", "alice"), sent.delivery().meta());
        assertEquals("custom", sent.sender().key());
        assertEquals(RecordingBackend.NAME, sent.sender().backend());
        assertEquals(Optional.of("Carrier"), sent.sender().verboseName());
        assertEquals(Map.of("region", "eu-west", "from", "Acme"), sent.sender().options());
        assertEquals("custom", issued.state().sender());
    }

    @Test
    void nullSenderKeyGoesToTheDefaultSender() {
        NewConfirmation issued = confirmer.request(null, "+33600000002", Map.of());

        RecordingBackend.Sent sent = backend.sentFor(issued.state().id());
        assertEquals("fallback", sent.sender().key());
        assertEquals(Map.of(), sent.sender().options());
        assertEquals(issued.code(), sent.delivery().code());
        assertEquals("fallback", issued.state().sender());
    }

    @Test
    void unknownSenderKeyThrowsUnknownSenderException() {
        UnknownSenderException thrown = assertThrows(UnknownSenderException.class,
                () -> confirmer.request("carrier-pigeon", "+33600000003", Map.of()));
        assertEquals("carrier-pigeon", thrown.senderKey());
    }
}
