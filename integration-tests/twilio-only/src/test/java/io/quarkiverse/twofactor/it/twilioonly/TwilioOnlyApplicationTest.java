package io.quarkiverse.twofactor.it.twilioonly;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** An application with the Twilio backend alone: codes go out through Twilio's API, and Jakarta Mail is nowhere. */
@QuarkusTest
@WithTestResource(TwilioStandIn.class)
class TwilioOnlyApplicationTest {

    private static final Pattern CODE = Pattern.compile("code is ([0-9]+)\\.");

    @Inject
    Confirmer confirmer;

    WireMockServer twilio;

    @Test
    void codeSentThroughTwilioConfirmsTheConfirmation() {
        NewConfirmation made = confirmer.request("sms", "+15557654321", Map.of());

        List<LoggedRequest> sent = twilio.findAll(postRequestedFor(urlEqualTo(TwilioStandIn.MESSAGES_PATH)));
        assertEquals(1, sent.size());
        String form = URLDecoder.decode(sent.get(0).getBodyAsString(), StandardCharsets.UTF_8);
        assertTrue(form.contains("To=+15557654321"), form);
        Matcher code = CODE.matcher(form);
        assertTrue(code.find(), () -> "no code in " + form);
        assertEquals(made.code(), code.group(1));

        ConfirmResult confirmed = confirmer.confirm(made.state().id(), code.group(1));

        assertEquals(ConfirmResult.Outcome.CONFIRMED, confirmed.outcome());
    }

    @ParameterizedTest
    @ValueSource(strings = { "jakarta.mail.Session", "org.eclipse.angus.mail.smtp.SMTPTransport" })
    void jakartaMailIsNotOnTheClasspath(String className) {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        assertThrows(ClassNotFoundException.class, () -> Class.forName(className, false, application));
    }
}
