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
     * Delivers one code. Any exception means the code was not delivered: throw a {@link DeliveryException} to say
     * whether a retry can help. When every try failed, the confirmation fails. Exception messages must not carry the
     * code or credentials.
     */
    void send(SenderSettings sender, Delivery delivery) throws Exception;

    /**
     * A backend from a lambda, for one-liners declared with a CDI producer method:
     *
     * <pre>
     * &#64;Produces
     * &#64;Singleton
     * SenderBackend chat(ChatClient chat) {
     *     return SenderBackend.of("chat", delivery -&gt; chat.post(delivery.recipient(), delivery.message()));
     * }
     * </pre>
     */
    static SenderBackend of(String name, SendFunction send) {
        return new SenderBackend() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void send(SenderSettings sender, Delivery delivery) throws Exception {
                send.send(delivery);
            }
        };
    }
}
