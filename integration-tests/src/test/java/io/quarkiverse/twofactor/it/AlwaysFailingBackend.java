package io.quarkiverse.twofactor.it;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.spi.Delivery;
import io.quarkiverse.twofactor.spi.SenderBackend;
import io.quarkiverse.twofactor.spi.SenderSettings;

/** A backend whose provider is down: every send throws. */
@Singleton
public class AlwaysFailingBackend implements SenderBackend {

    final AtomicInteger calls = new AtomicInteger();
    volatile String lastCode;

    @Override
    public String name() {
        return "always-failing";
    }

    @Override
    public void send(SenderSettings sender, Delivery delivery) throws Exception {
        calls.incrementAndGet();
        lastCode = delivery.code();
        throw new java.io.IOException("provider unreachable");
    }
}
