package io.quarkiverse.twofactor.email;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.jboss.logging.Logger;

import io.quarkiverse.twofactor.InvalidRecipientException;
import io.quarkiverse.twofactor.spi.Delivery;
import io.quarkiverse.twofactor.spi.DeliveryException;
import io.quarkiverse.twofactor.spi.SenderBackend;
import io.quarkiverse.twofactor.spi.SenderSettings;

/**
 * Sends codes by e-mail over SMTP with Jakarta Mail. Each sender that selects {@code backend=email} gets its own mail
 * session, made from its {@code email.*} settings at startup.
 */
@Singleton
public class EmailSenderBackend implements SenderBackend {

    public static final String NAME = "email";
    private static final Logger LOG = Logger.getLogger(EmailSenderBackend.class);

    private final EmailSendersConfig config;
    private final Map<String, SmtpServer> servers = new ConcurrentHashMap<>();

    @Inject
    EmailSenderBackend(EmailSendersConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void validate(SenderSettings sender) {
        servers.put(sender.key(), SmtpServer.configure(sender, config.senders().get(sender.key()).email()));
    }

    @Override
    public void checkRecipient(SenderSettings sender, String recipient) {
        recipientAddress(sender, recipient);
    }

    @Override
    public void send(SenderSettings sender, Delivery delivery) throws DeliveryException {
        SmtpServer server = servers.get(sender.key());
        if (server == null) {
            throw new IllegalStateException("Sender '" + sender.key() + "' was not validated at startup");
        }
        MimeMessage message;
        try {
            message = CodeEmail.create(server.session(), server.from(), recipientAddress(sender, delivery.recipient()),
                    delivery.subject(), delivery.message(), delivery.html());
        } catch (MessagingException e) {
            throw new DeliveryException(DeliveryException.Kind.PERMANENT, "The e-mail of sender '" + sender.key()
                    + "' could not be composed (" + e.getClass().getName() + ")");
        }
        try {
            server.send(message);
        } catch (DeliveryException e) {
            LOG.warnf("Sender '%s' could not deliver the code of confirmation %s: %s [%s]", sender.key(),
                    delivery.confirmationId(), e.getMessage(), e.kind());
            throw e;
        }
    }

    private static InternetAddress recipientAddress(SenderSettings sender, String recipient) {
        return EmailAddresses.bare(recipient).orElseThrow(() -> new InvalidRecipientException("Sender '"
                + sender.key() + "' needs one plain e-mail address as recipient, such as name@example.com"));
    }
}
