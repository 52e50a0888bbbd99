package io.quarkiverse.twofactor.deployment;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.spi.Delivery;
import io.quarkiverse.twofactor.spi.SenderBackend;
import io.quarkiverse.twofactor.spi.SenderSettings;

/** A provider that never answers: every send waits until its thread is interrupted. */
@Singleton
public class HangingBackend implements SenderBackend {

    public static final String NAME = "hanging";

    private final CountDownLatch never = new CountDownLatch(1);
    private final AtomicInteger started = new AtomicInteger();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void send(SenderSettings sender, Delivery delivery) throws InterruptedException {
        started.incrementAndGet();
        never.await();
    }

    /** How many sends have started, all of them still hanging or interrupted. */
    public int started() {
        return started.get();
    }
}
