package io.quarkiverse.twofactor.twilio.deployment;

import io.quarkus.test.QuarkusProdModeTest;

/** Production-mode applications with one {@code twilio} sender, which exit as soon as they have started. */
final class ProdTwilioApps {

    static final String SENDER = "quarkus.two-factor.senders.\"sms\".";
    static final String AUTH_TOKEN = "a-token-that-must-not-be-shown";

    private ProdTwilioApps() {
    }

    /** An application whose {@code sms} sender reaches the Twilio API at {@code apiBaseUrl}. */
    static QuarkusProdModeTest reachingTwilioAt(String name, String apiBaseUrl) {
        return new QuarkusProdModeTest()
                .setApplicationName(name)
                .setApplicationVersion("0.1")
                .withApplicationRoot(jar -> jar.addClasses(ExitAfterStartup.class))
                .overrideConfigKey("quarkus.http.port", "0")
                .overrideConfigKey("quarkus.two-factor.store", "memory")
                .overrideConfigKey("quarkus.two-factor.code.hash-key", "prod-mode-test-key-0123456789abcdefghijk")
                .overrideConfigKey("quarkus.two-factor.default-sender", "sms")
                .overrideConfigKey(SENDER + "backend", "twilio")
                .overrideConfigKey(SENDER + "twilio.account-sid", "AC0123456789abcdef0123456789abcdef")
                .overrideConfigKey(SENDER + "twilio.auth-token", AUTH_TOKEN)
                .overrideConfigKey(SENDER + "twilio.from", "+15005550006")
                .overrideConfigKey(SENDER + "twilio.api-base-url", apiBaseUrl)
                .setRun(true)
                .setExpectExit(true);
    }
}
