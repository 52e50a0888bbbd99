package io.quarkiverse.twofactor.it.email;

import static io.quarkiverse.twofactor.it.email.Mails.part;
import static io.quarkiverse.twofactor.it.email.Mails.text;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** E-mail in the demo's second language: subject, text part and HTML part all in German. */
@QuarkusTest
@TestProfile(PlainSmtpProfile.class)
class LocalizedEmailTest {

    private static final Pattern GERMAN_TEXT = Pattern
            .compile("Ihr Code lautet ([0-9]+)\\. Er ist [0-9]+ Minuten gültig\\.");

    @InjectSmtpServer
    GreenMail greenMail;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Test
    void germanRequestGetsAGermanSubjectTextPartAndHtmlPart() throws Exception {
        MimeMessage mail = requestIn("de-DE,de;q=0.9,en;q=0.8");

        assertEquals("Ihr Bestätigungscode für quarkus-two-factor-integration-tests", mail.getSubject());
        assertTrue(mail.isMimeType("multipart/alternative"), mail.getContentType());
        String text = text(part(mail, "text/plain"));
        Matcher matcher = GERMAN_TEXT.matcher(text);
        assertTrue(matcher.matches(), text);
        String html = text(part(mail, "text/html"));
        assertTrue(html.contains("<p>Ihr Code lautet <strong>" + matcher.group(1) + "</strong>.</p>"), html);
        assertTrue(html.contains("<title>Ihr Bestätigungscode für quarkus-two-factor-integration-tests</title>"),
                html);
    }

    @Test
    void languageTheDemoDoesNotOfferGetsTheSendersEnglishTexts() throws Exception {
        MimeMessage mail = requestIn("ja");

        assertEquals(EmailDeliveryTest.SUBJECT, mail.getSubject());
        String code = Mails.code(text(part(mail, "text/plain")));
        assertTrue(text(part(mail, "text/html")).contains("code is " + code + "."));
    }

    /** Requests a code through sender {@code mail} with an Accept-Language header and returns the e-mail. */
    private MimeMessage requestIn(String acceptLanguage) {
        given().contentType(ContentType.JSON).header("Accept-Language", acceptLanguage)
                .body(Map.of("sender", "mail", "recipient", "alice@example.com"))
                .post("/two-factor/request-confirmation").then().statusCode(201);
        assertTrue(greenMail.waitForIncomingEmail(5_000, 1), "no e-mail arrived");
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        return received[0];
    }
}
