package io.quarkiverse.twofactor.email;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import io.quarkiverse.twofactor.runtime.HtmlText;

/**
 * The e-mail that carries a code: the message as plain text, and the HTML body in a plain page, as the two
 * alternatives of one UTF-8 message.
 */
final class CodeEmail {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private CodeEmail() {
    }

    static MimeMessage create(Session session, InternetAddress from, InternetAddress to, String subject, String text,
            String htmlBody) throws MessagingException {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(html(subject, htmlBody), UTF_8, "html");
        // Alternatives go from the plainest to the richest; clients show the last one they can.
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(plain);
        alternatives.addBodyPart(html);

        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(subject, UTF_8);
        message.setSentDate(new Date());
        message.setContent(alternatives);
        message.saveChanges();
        return message;
    }

    static String html(String subject, String body) {
        return "<!DOCTYPE html>\n"
                + "<html>\n"
                + "<head><meta charset=\"UTF-8\"><title>" + HtmlText.escape(subject) + "</title></head>\n"
                + "<body style=\"font-family: sans-serif; font-size: 16px; line-height: 1.5;\">\n"
                + body + "\n"
                + "</body>\n"
                + "</html>\n";
    }
}
