package io.quarkiverse.twofactor.it.email;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** REST calls and reading of received e-mails, shared by the tests that send e-mail. */
public final class Mails {

    static final String PROBLEM = "application/problem+json";
    private static final Pattern CODE = Pattern.compile("code is ([0-9]+)\\.");

    private Mails() {
    }

    static ValidatableResponse requestConfirmation(String sender, String recipient) {
        return requestConfirmation(Map.of("sender", sender, "recipient", recipient));
    }

    static ValidatableResponse requestConfirmation(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/two-factor/request-confirmation").then();
    }

    static ValidatableResponse confirm(String id, String code) {
        return given().contentType(ContentType.JSON).body(Map.of("id", id, "code", code))
                .post("/two-factor/confirm").then();
    }

    static ValidatableResponse protectedAction(String id) {
        return given().post("/demo/protected-action/{id}", id).then();
    }

    /** The one body part of this MIME type in a multipart message. */
    public static Part part(MimeMessage message, String mimeType) throws MessagingException, IOException {
        Multipart alternatives = (Multipart) message.getContent();
        Part found = null;
        for (int i = 0; i < alternatives.getCount(); i++) {
            BodyPart part = alternatives.getBodyPart(i);
            if (part.isMimeType(mimeType)) {
                if (found != null) {
                    throw new AssertionError("more than one " + mimeType + " part");
                }
                found = part;
            }
        }
        if (found == null) {
            throw new AssertionError("no " + mimeType + " part");
        }
        return found;
    }

    public static String text(Part part) throws MessagingException, IOException {
        return (String) part.getContent();
    }

    /** The code the default message template put into a text. */
    public static String code(String text) {
        Matcher matcher = CODE.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no code in: " + text);
        }
        return matcher.group(1);
    }
}
