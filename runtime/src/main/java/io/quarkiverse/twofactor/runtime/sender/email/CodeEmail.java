package io.quarkiverse.twofactor.runtime.sender.email;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The e-mail that carries a code: the message as plain text, and the same text HTML-escaped in a plain page, as the
 * two alternatives of one UTF-8 message.
 */
final class CodeEmail {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private CodeEmail() {
    }

    static MimeMessage create(Session session, InternetAddress from, InternetAddress to, String subject, String text)
            throws MessagingException {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(html(subject, text), UTF_8, "html");
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

    static String html(String subject, String text) {
        return "<!DOCTYPE html>\n"
                + "<html>\n"
                + "<head><meta charset=\"UTF-8\"><title>" + escape(subject) + "</title></head>\n"
                + "<body style=\"font-family: sans-serif; font-size: 16px; line-height: 1.5;\">\n"
                + "<p>" + escape(text).replace("\r\n", "\n").replace("\n", "<br>\n") + "</p>\n"
                + "</body>\n"
                + "</html>\n";
    }

    /** Escapes the characters that could open markup or leave an attribute value. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
