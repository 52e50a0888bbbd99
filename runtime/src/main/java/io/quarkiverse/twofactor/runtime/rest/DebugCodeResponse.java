package io.quarkiverse.twofactor.runtime.rest;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.twofactor.runtime.TwoFactorConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * Decides once, at startup, whether REST responses may carry the plain code: only when asked for, and only in dev and
 * test launch modes.
 */
@Singleton
@Startup
public class DebugCodeResponse {

    private static final Logger LOG = Logger.getLogger(DebugCodeResponse.class);

    private final boolean enabled;

    @Inject
    DebugCodeResponse(TwoFactorConfig config) {
        boolean requested = config.debugCodeResponse();
        boolean allowed = LaunchMode.current().isDevOrTest();
        if (requested && !allowed) {
            LOG.warn("quarkus.two-factor.debug-code-response is ignored outside dev and test launch modes");
        }
        this.enabled = requested && allowed;
    }

    public boolean enabled() {
        return enabled;
    }
}
