package io.quarkiverse.twofactor.runtime.rest;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.runtime.CodeHasher;
import io.quarkiverse.twofactor.runtime.StoreClock;
import io.quarkiverse.twofactor.runtime.StoreSelector;
import io.quarkiverse.twofactor.runtime.TwoFactorConfig;
import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkiverse.twofactor.spi.SendWindow;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Limits how often one caller may make the endpoints send codes ({@code request-confirmation}, {@code resend}, adding a
 * destination), in the store every replica shares: by principal when the caller is signed in, otherwise by client
 * address, and only when {@code limits.requests-per-address} is set. Callers are counted under keyed hashes, so the
 * store holds no user name or address in clear.
 * <p>
 * The address is the one Vert.x reports for the request. Quarkus replaces it with the one a {@code Forwarded} or
 * {@code X-Forwarded-For} header names only when its proxy settings trust the sender of the header, so a client cannot
 * pick the address it is counted under.
 */
@Singleton
@Startup
public class CallerLimits {

    private final ConfirmationStore store;
    private final StoreClock clock;
    private final CodeHasher hasher;
    private final int perPrincipal;
    private final OptionalInt perAddress;
    private final Duration window;
    // A client proxy: each call reads the request being served.
    private final HttpServerRequest request;

    @Inject
    CallerLimits(StoreSelector stores, StoreClock clock, CodeHasher hasher, TwoFactorConfig config,
            HttpServerRequest request) {
        this.store = stores.selected();
        this.clock = clock;
        this.hasher = hasher;
        this.request = request;
        TwoFactorConfig.LimitsConfig limits = config.limits();
        this.perPrincipal = limits.requestsPerPrincipal();
        this.perAddress = limits.requestsPerAddress();
        this.window = limits.callerWindow();
        if (perPrincipal < 1) {
            throw new ConfigurationException("quarkus.two-factor.limits.requests-per-principal must be at least 1");
        }
        if (perAddress.isPresent() && perAddress.getAsInt() < 1) {
            throw new ConfigurationException("quarkus.two-factor.limits.requests-per-address must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new ConfigurationException("quarkus.two-factor.limits.caller-window must be positive");
        }
    }

    /**
     * Counts one call by the signed-in caller, or by the client address when there is none; a {@code 429} problem when
     * the caller is over the limit.
     */
    void count(Optional<String> principal) {
        SendWindow counted;
        if (principal.isPresent()) {
            counted = store.countSend(hasher.hashCountedKey("principal", principal.get()), perPrincipal, window, clock.now());
        } else if (perAddress.isPresent()) {
            counted = store.countSend(hasher.hashCountedKey("address", clientAddress()), perAddress.getAsInt(), window,
                    clock.now());
        } else {
            return;
        }
        if (!counted.allowed()) {
            throw ProblemException.tooManyRequests("too-many-requests", "Too many requests",
                    "Too many codes were requested by this caller", counted.retryAfter());
        }
    }

    private String clientAddress() {
        SocketAddress address = request.remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }
}
