package io.quarkiverse.twofactor.spi;

/**
 * The one method a backend needs, for backends written as a lambda with {@link SenderBackend#of(String, SendFunction)}.
 */
@FunctionalInterface
public interface SendFunction {

    void send(Delivery delivery) throws Exception;
}
