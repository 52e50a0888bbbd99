package io.quarkiverse.twofactor.twilio;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.rest.api.v2010.account.Message;

import io.quarkiverse.twofactor.spi.Delivery;
import io.quarkiverse.twofactor.spi.DeliveryException;
import io.quarkiverse.twofactor.spi.DeliveryException.Kind;
import io.quarkiverse.twofactor.spi.SenderBackend;
import io.quarkiverse.twofactor.spi.SenderSettings;

/**
 * Sends codes as text or WhatsApp messages through Twilio's Messages API, with one REST client per sender.
 *
 * <p>
 * Failures are classified for the sender's retries: no answer (connection refused, timeout), HTTP 429 and 5xx are
 * transient; Twilio errors that refuse the {@code To} number reject the recipient; any other 4xx is permanent. No
 * exception message or log line carries the credentials, the code, the message body or a whole phone number: Twilio's
 * own error text is left out because it may quote the number.
 */
@Singleton
public class TwilioSenderBackend implements SenderBackend {

    public static final String NAME = "twilio";

    /**
     * Twilio error codes that refuse the recipient: 21211 invalid {@code To} number, 21265 {@code To} is a short code,
     * 21408 no permission for the {@code To} number's region, 21610 recipient unsubscribed, 21612 {@code To} not
     * reachable, 21614 {@code To} not a mobile number.
     */
    static final Set<Integer> RECIPIENT_ERRORS = Set.of(21211, 21265, 21408, 21610, 21612, 21614);

    private static final Logger LOG = Logger.getLogger(TwilioSenderBackend.class);

    private final TwilioSendersConfig config;
    private final Map<String, TwilioSender> senders = new ConcurrentHashMap<>();

    @Inject
    public TwilioSenderBackend(TwilioSendersConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void validate(SenderSettings settings) {
        senders.put(settings.key(), TwilioSender.of(settings, config.senders().get(settings.key()).twilio()));
    }

    @Override
    public void checkRecipient(SenderSettings settings, String recipient) {
        sender(settings).checkRecipient(recipient);
    }

    @Override
    public void send(SenderSettings settings, Delivery delivery) throws DeliveryException {
        String key = settings.key();
        try {
            Message message = sender(settings).send(delivery.recipient(), delivery.message());
            LOG.debugf("[sender %s] Twilio accepted message %s of confirmation %s for %s", key, message.getSid(),
                    delivery.confirmationId(), PhoneNumbers.masked(delivery.recipient()));
        } catch (ApiConnectionException e) {
            throw new DeliveryException(Kind.TRANSIENT, "Sender '" + key + "' got no answer from the Twilio API", e);
        } catch (ApiException e) {
            throw classify(key, e);
        } catch (TwilioException e) {
            throw new DeliveryException(Kind.PERMANENT,
                    "Sender '" + key + "' could not use the Twilio API: " + e.getClass().getSimpleName());
        }
    }

    /** What a refusal by the API means for retries. The SDK's exception is not kept: its text may quote the number. */
    static DeliveryException classify(String key, ApiException e) {
        Integer status = e.getStatusCode() != null ? e.getStatusCode() : e.getHttpStatusCode();
        Integer code = e.getCode();
        String answer = "HTTP " + (status == null ? "status unknown" : status)
                + (code == null ? "" : ", Twilio error " + code);
        if (status != null && (status == 429 || status >= 500)) {
            return new DeliveryException(Kind.TRANSIENT,
                    "Sender '" + key + "': the Twilio API cannot take the message now (" + answer + ")");
        }
        if (code != null && RECIPIENT_ERRORS.contains(code)) {
            return new DeliveryException(Kind.RECIPIENT_REJECTED,
                    "Sender '" + key + "': Twilio refused the recipient (" + answer + ")");
        }
        return new DeliveryException(Kind.PERMANENT,
                "Sender '" + key + "': Twilio refused the message (" + answer + ")");
    }

    private TwilioSender sender(SenderSettings settings) {
        TwilioSender sender = senders.get(settings.key());
        if (sender == null) {
            throw new IllegalStateException("Sender '" + settings.key() + "' was not validated by the twilio backend");
        }
        return sender;
    }
}
