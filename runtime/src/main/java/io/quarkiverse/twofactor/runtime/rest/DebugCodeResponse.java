package io.quarkiverse.twofactor.runtime.rest;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.runtime.LaunchModeGate;
import io.quarkiverse.twofactor.runtime.TwoFactorConfig;
import io.quarkus.runtime.Startup;

/**
 * Decides once, at startup, whether REST responses may carry the plain code: only when asked for, and only in dev and
 * test launch modes.
 */
@Singleton
@Startup
public class DebugCodeResponse {

    private final boolean enabled;

    @Inject
    DebugCodeResponse(TwoFactorConfig config) {
        this.enabled = LaunchModeGate.devOrTestOnly(config.debugCodeResponse(),
                "quarkus.two-factor.debug-code-response");
    }

    public boolean enabled() {
        return enabled;
    }
}
