package io.quarkiverse.twofactor.email;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import io.quarkiverse.twofactor.spi.DeliveryException;
import io.quarkiverse.twofactor.spi.DeliveryException.Kind;

/**
 * Says whether trying again can help after a failed SMTP delivery. No server never reached, a timeout and a 4xx reply
 * are transient; a 5xx reply to the recipient rejects the recipient; any other refusal is permanent.
 *
 * <p>
 * The messages name the server and the reply code only: the text of a server's reply may quote the recipient, and
 * nothing here ever sees the password or the message.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    /**
     * @param failure what the transport threw
     * @param lastReply the last reply code the server sent, or -1 when none is known
     * @param server the server, as {@code host:port}
     */
    static DeliveryException classify(MessagingException failure, int lastReply, String server) {
        List<Throwable> chain = chain(failure);
        for (Throwable cause : chain) {
            if (cause instanceof SSLHandshakeException handshake) {
                return new DeliveryException(Kind.PERMANENT, "The TLS handshake with SMTP server " + server
                        + " failed; check its certificate (or email.trust-all for a test server)", handshake);
            }
            if (cause instanceof IOException io) {
                return new DeliveryException(Kind.TRANSIENT, "SMTP server " + server + " could not be reached or "
                        + "stopped answering (" + io.getClass().getSimpleName() + ")", io);
            }
        }
        if (failure instanceof SendFailedException sent && sent.getInvalidAddresses() != null
                && sent.getInvalidAddresses().length > 0) {
            return new DeliveryException(Kind.RECIPIENT_REJECTED, "SMTP server " + server
                    + " rejected the recipient (reply " + recipientReply(chain) + ")");
        }
        int reply = replyCode(chain, lastReply);
        // 552 to RCPT TO means a full mailbox, which RFC 5321 says to treat as temporary.
        if ((reply >= 400 && reply < 500) || (reply == 552 && recipientReply(chain) == 552)) {
            return new DeliveryException(Kind.TRANSIENT, "SMTP server " + server + " failed temporarily (reply "
                    + reply + ")");
        }
        if (reply >= 500 && reply < 600) {
            return new DeliveryException(Kind.PERMANENT, "SMTP server " + server + " refused the message (reply "
                    + reply + ")");
        }
        // No error reply: the client itself gave up, for example when STARTTLS is required and not offered.
        return new DeliveryException(Kind.PERMANENT, "Delivery through SMTP server " + server + " failed: "
                + failure.getMessage());
    }

    /** The code the server answered a command with, from the most specific exception that carries one. */
    private static int replyCode(List<Throwable> chain, int lastReply) {
        for (Throwable cause : chain) {
            if (cause instanceof SMTPSendFailedException sendFailed) {
                return sendFailed.getReturnCode();
            }
        }
        int recipientReply = recipientReply(chain);
        return recipientReply > 0 ? recipientReply : lastReply;
    }

    /** The code the server answered {@code RCPT TO} with, or -1. */
    private static int recipientReply(List<Throwable> chain) {
        for (Throwable cause : chain) {
            if (cause instanceof SMTPAddressFailedException addressFailed) {
                return addressFailed.getReturnCode();
            }
        }
        return -1;
    }

    /** The exception and its causes, which for a {@link MessagingException} are its chained next exceptions. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t) && chain.size() < 32; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
