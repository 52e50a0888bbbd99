package io.quarkiverse.twofactor.bench;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.spi.SenderBackend;

/** A sender that sends nothing, so that the in-process flow measures the confirmer and its store alone. */
class NoOpSender {

    @Produces
    @Singleton
    SenderBackend noOp() {
        return SenderBackend.of("no-op", delivery -> {
        });
    }
}
