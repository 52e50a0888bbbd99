package io.quarkiverse.twofactor.runtime;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;

/**
 * Settings that expose codes (debug responses, the test outbox) take effect only in dev and test launch modes; in
 * production they are ignored with a warning rather than failing a running service.
 */
public final class LaunchModeGate {

    private static final Logger LOG = Logger.getLogger(LaunchModeGate.class);

    private LaunchModeGate() {
    }

    /** Whether a dev-and-test-only setting is on: asked for, and allowed in this launch mode. */
    public static boolean devOrTestOnly(boolean requested, String property) {
        boolean allowed = LaunchMode.current().isDevOrTest();
        if (requested && !allowed) {
            LOG.warnf("%s is ignored outside dev and test launch modes", property);
        }
        return requested && allowed;
    }
}
