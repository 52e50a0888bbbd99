package io.quarkiverse.twofactor.twilio.deployment;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The main of the production-mode applications: one that starts exits 0 at once, so a test expecting a failed startup
 * fails instead of waiting for an exit that never comes.
 */
@QuarkusMain
public class ExitAfterStartup implements QuarkusApplication {

    @Override
    public int run(String... args) {
        return 0;
    }
}
