package io.quarkiverse.twofactor.it.emailonly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** An application with the e-mail backend alone: codes go out over SMTP, and the Twilio SDK is nowhere. */
@QuarkusTest
@WithTestResource(GreenMailSmtp.class)
class EmailOnlyApplicationTest {

    private static final Pattern CODE = Pattern.compile("code is ([0-9]+)\\.");

    @Inject
    Confirmer confirmer;

    GreenMail smtp;

    @Test
    void codeSentByEmailConfirmsTheConfirmation() throws Exception {
        NewConfirmation made = confirmer.request("mail", "alice@example.com", Map.of());

        assertTrue(smtp.waitForIncomingEmail(5_000, 1), "no e-mail arrived");
        MimeMessage mail = smtp.getReceivedMessagesForDomain("example.com")[0];
        assertEquals("alice@example.com", mail.getAllRecipients()[0].toString());
        Matcher code = CODE.matcher(GreenMailUtil.getBody(mail));
        assertTrue(code.find(), () -> "no code in " + GreenMailUtil.getBody(mail));
        assertEquals(made.code(), code.group(1));

        ConfirmResult confirmed = confirmer.confirm(made.state().id(), code.group(1));

        assertEquals(ConfirmResult.Outcome.CONFIRMED, confirmed.outcome());
    }

    @ParameterizedTest
    @ValueSource(strings = { "com.twilio.Twilio", "com.google.i18n.phonenumbers.PhoneNumberUtil" })
    void theTwilioSdkAndItsNumberingPlansAreNotOnTheClasspath(String className) {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        assertThrows(ClassNotFoundException.class, () -> Class.forName(className, false, application));
    }
}
