package io.quarkiverse.twofactor.email;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPTransport;

import io.quarkiverse.twofactor.spi.DeliveryException;
import io.quarkiverse.twofactor.spi.SenderSettings;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The SMTP server one sender delivers through: its checked settings and the mail session made from them once, at
 * startup. The password stays out of the session's properties and out of {@link #toString()}.
 */
final class SmtpServer {

    private static final String PREFIX = "mail.smtp.";
    private static final int SMTPS_PORT = 465;
    private static final int SUBMISSION_PORT = 587;

    private final InternetAddress from;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final Session session;

    private SmtpServer(InternetAddress from, String host, int port, String username, String password,
            Session session) {
        this.from = from;
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.session = session;
    }

    /** Checks one sender's {@code email.*} settings, naming the first wrong property. */
    static SmtpServer configure(SenderSettings sender, EmailSenderConfig config) {
        String fromText = required(sender, "email.from", config.from());
        InternetAddress from = EmailAddresses.single(fromText)
                .orElseThrow(() -> new ConfigurationException(sender.property("email.from") + " must be one e-mail"
                        + " address, such as no-reply@example.com or Example <no-reply@example.com>"));
        String host = required(sender, "email.host", config.host());
        int port = config.port().orElse(config.ssl() ? SMTPS_PORT : SUBMISSION_PORT);
        if (port < 1 || port > 65535) {
            throw new ConfigurationException(sender.property("email.port") + " must be between 1 and 65535");
        }
        String username = config.username().filter(name -> !name.isBlank()).orElse(null);
        String password = config.password().orElse(null);
        if (username != null && password == null) {
            throw new ConfigurationException(sender.property("email.password") + " is required when "
                    + sender.property("email.username") + " is set");
        }
        if (username == null && password != null) {
            throw new ConfigurationException(sender.property("email.username") + " is required when "
                    + sender.property("email.password") + " is set");
        }
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        // The envelope sender, and the domain of generated Message-IDs without a look-up of the local host name.
        properties.setProperty("mail.from", from.getAddress());
        properties.setProperty(PREFIX + "from", from.getAddress());
        properties.setProperty(PREFIX + "host", host);
        properties.setProperty(PREFIX + "port", Integer.toString(port));
        properties.setProperty(PREFIX + "auth", Boolean.toString(username != null));
        properties.setProperty(PREFIX + "connectiontimeout", millis(sender, "email.connect-timeout",
                config.connectTimeout()));
        properties.setProperty(PREFIX + "timeout", millis(sender, "email.timeout", config.timeout()));
        properties.setProperty(PREFIX + "writetimeout", millis(sender, "email.timeout", config.timeout()));
        // With ssl the connection is TLS from its first byte, so there is nothing for STARTTLS to upgrade.
        if (config.ssl()) {
            properties.setProperty(PREFIX + "ssl.enable", "true");
        } else if (config.startTls() != EmailSenderConfig.StartTls.DISABLED) {
            properties.setProperty(PREFIX + "starttls.enable", "true");
            properties.setProperty(PREFIX + "starttls.required",
                    Boolean.toString(config.startTls() == EmailSenderConfig.StartTls.REQUIRED));
        }
        if (config.trustAll()) {
            properties.setProperty(PREFIX + "ssl.trust", "*");
            properties.setProperty(PREFIX + "ssl.checkserveridentity", "false");
        } else {
            properties.setProperty(PREFIX + "ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(properties);
        transport(session);
        return new SmtpServer(utf8(from), host, port, username, password, session);
    }

    InternetAddress from() {
        return from;
    }

    Session session() {
        return session;
    }

    /** Where this sender connects, for messages: {@code host:port}. */
    String address() {
        return host + ":" + port;
    }

    /** Sends one message over a new connection, and says whether trying again can help when it fails. */
    void send(MimeMessage message) throws DeliveryException {
        Transport transport = transport(session);
        try {
            transport.connect(host, port, username, password);
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            int lastReply = transport instanceof SMTPTransport smtp ? smtp.getLastReturnCode() : -1;
            throw SmtpFailures.classify(e, lastReply, address());
        } finally {
            closeQuietly(transport);
        }
    }

    private static Transport transport(Session session) {
        try {
            return session.getTransport();
        } catch (NoSuchProviderException e) {
            throw new IllegalStateException("No SMTP transport is available: is Eclipse Angus Mail on the class path?",
                    e);
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // The message is sent or its failure already reported; a failed QUIT changes neither.
        }
    }

    /** The address with its display name, if any, encoded in UTF-8 when it is not plain ASCII. */
    private static InternetAddress utf8(InternetAddress address) {
        if (address.getPersonal() == null) {
            return address;
        }
        try {
            return new InternetAddress(address.getAddress(), address.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String required(SenderSettings sender, String name, Optional<String> value) {
        return value.filter(text -> !text.isBlank()).orElseThrow(() -> new ConfigurationException(
                sender.property(name) + " is required by the email backend"));
    }

    private static String millis(SenderSettings sender, String name, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new ConfigurationException(sender.property(name) + " must be positive");
        }
        return Long.toString(Math.max(1, duration.toMillis()));
    }

    @Override
    public String toString() {
        return "SmtpServer[" + address() + ", from=" + from.getAddress() + ", auth=" + (username != null) + "]";
    }
}
