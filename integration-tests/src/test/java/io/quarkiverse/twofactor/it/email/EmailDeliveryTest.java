package io.quarkiverse.twofactor.it.email;

import static io.quarkiverse.twofactor.it.email.Mails.PROBLEM;
import static io.quarkiverse.twofactor.it.email.Mails.code;
import static io.quarkiverse.twofactor.it.email.Mails.part;
import static io.quarkiverse.twofactor.it.email.Mails.requestConfirmation;
import static io.quarkiverse.twofactor.it.email.Mails.text;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(PlainSmtpProfile.class)
class EmailDeliveryTest {

    /** {@link GreenMailResource#SUBJECT} with the demo's application name. */
    static final String SUBJECT = "Your quarkus-two-factor-integration-tests code";

    @InjectSmtpServer
    GreenMail greenMail;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Test
    void codeArrivesByEmailAsTextAndHtmlAndConfirmsTheProtectedAction() throws Exception {
        String id = requestConfirmation("mail", "alice@example.com").statusCode(201)
                .body("sender", equalTo("mail")).body("code", nullValue())
                .extract().path("id");

        assertTrue(greenMail.waitForIncomingEmail(5_000, 1), "no e-mail arrived");
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertArrayEquals(new Address[] { new InternetAddress("alice@example.com") },
                mail.getRecipients(Message.RecipientType.TO));
        assertNull(mail.getRecipients(Message.RecipientType.CC));
        assertNull(mail.getRecipients(Message.RecipientType.BCC));
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertEquals(MailSenderConfig.FROM_ADDRESS, from.getAddress());
        assertEquals(MailSenderConfig.FROM_NAME, from.getPersonal());
        assertEquals(SUBJECT, mail.getSubject());
        assertTrue(mail.isMimeType("multipart/alternative"), mail.getContentType());

        Part plain = part(mail, "text/plain");
        Part html = part(mail, "text/html");
        assertTrue("UTF-8".equalsIgnoreCase(new ContentType(plain.getContentType()).getParameter("charset")),
                plain.getContentType());
        assertTrue("UTF-8".equalsIgnoreCase(new ContentType(html.getContentType()).getParameter("charset")),
                html.getContentType());
        String code = code(text(plain));
        assertTrue(text(plain).matches("Your quarkus-two-factor-integration-tests code is " + code
                + "\\. It expires in [0-9]+ minutes\\."), text(plain));
        assertTrue(text(html).contains("code is " + code + "."), text(html));
        assertTrue(text(html).contains("<html"), text(html));

        Mails.protectedAction(id).statusCode(403);
        Mails.confirm(id, code).statusCode(200).body("status", equalTo("confirmed"));
        Mails.protectedAction(id).statusCode(200);
    }

    @Test
    void htmlPartEscapesWhatTheMessageQuotes() throws Exception {
        String name = "<b>Zoë & \"Co\"</b>";
        requestConfirmation(Map.of("sender", "mail-html", "recipient", "eve@example.com",
                "meta", Map.of("name", name))).statusCode(201);

        assertTrue(greenMail.waitForIncomingEmail(5_000, 1), "no e-mail arrived");
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertTrue(text(part(mail, "text/plain")).startsWith("Hello " + name + ", your code is "));
        String html = text(part(mail, "text/html"));
        assertTrue(html.contains("Hello &lt;b&gt;Zoë &amp; &quot;Co&quot;&lt;/b&gt;, your code is "), html);
        assertFalse(html.contains("<b>"), html);
    }

    @ParameterizedTest
    @ValueSource(strings = { "not-an-address", "a@b@c", "x@example.com\r\nBcc: y@example.com", "alice",
            "Eve <eve@example.com>", "alice@example.com, bob@example.com", " alice@example.com",
            "alice@example.com (Alice)", "team: alice@example.com;" })
    void invalidAddressIsRefusedWith400AndNothingIsSent(String recipient) throws Exception {
        requestConfirmation("mail", recipient).statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("type", anyOf(endsWith("invalid-recipient"), endsWith("invalid-request")));

        assertFalse(greenMail.waitForIncomingEmail(200, 1), "an e-mail was sent");
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void malformedAddressIsAnInvalidRecipientProblem() {
        for (String recipient : new String[] { "not-an-address", "a@b@c", "Eve <eve@example.com>" }) {
            requestConfirmation("mail", recipient).statusCode(400).body("type", endsWith("invalid-recipient"));
        }
    }

    @Test
    void requiredStartTlsSendsNothingToAServerThatDoesNotOfferIt() throws Exception {
        requestConfirmation("mail-starttls", "alice@example.com").statusCode(503).contentType(PROBLEM)
                .body("type", endsWith("sender-failed"))
                .body("sender", equalTo("mail-starttls"));

        assertFalse(greenMail.waitForIncomingEmail(200, 1), "the code went out without TLS");
    }
}
