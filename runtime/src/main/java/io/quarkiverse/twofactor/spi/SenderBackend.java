package io.quarkiverse.twofactor.spi;

/**
 * Delivers codes: by text message, e-mail, a log line, or anything an application needs. An implementation is a CDI
 * bean; a sender uses it when its {@code quarkus.two-factor.senders."key".backend} equals {@link #name()}.
 */
public interface SenderBackend {

    /**
     * The name senders select this backend by. Two beans may not share a name.
     */
    String name();

    /**
     * Called once at startup for each sender that uses this backend. Throw
     * {@link io.quarkus.runtime.configuration.ConfigurationException} naming the property to refuse the
     * configuration.
     */
    default void validate(SenderSettings sender) {
    }

    /**
     * Called before a confirmation is made. Throw {@link io.quarkiverse.twofactor.InvalidRecipientException} for a
     * recipient this backend can never deliver to.
     */
    default void checkRecipient(SenderSettings sender, String recipient) {
    }

    /**
     * Delivers one code. Any exception means the code was not delivered, and the confirmation fails.
     */
    void send(SenderSettings sender, Delivery delivery) throws Exception;
}
