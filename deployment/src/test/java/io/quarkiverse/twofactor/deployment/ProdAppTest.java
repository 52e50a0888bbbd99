package io.quarkiverse.twofactor.deployment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusProdModeTest;
import io.restassured.http.ContentType;

class ProdAppTest {

    @RegisterExtension
    static final QuarkusProdModeTest app = TestApps.prodApp("two-factor-prod")
            .withApplicationRoot(jar -> jar.addClasses(RecordingBackend.class))
            .overrideConfigKey("quarkus.two-factor.code.hash-key", TestApps.PROD_HASH_KEY)
            .overrideConfigKey("quarkus.two-factor.senders.\"default\".backend", RecordingBackend.NAME)
            .overrideConfigKey("quarkus.two-factor.rest.enabled", "true")
            .overrideConfigKey("quarkus.two-factor.rest.mode", "open")
            .overrideConfigKey("quarkus.two-factor.debug-code-response", "true")
            .setRun(true);

    @Test
    void appWithAHashKeyAndACustomBackendStartsAndDeliversInProduction() {
        String output = app.getStartupConsoleOutput();
        assertTrue(output.contains("Profile prod activated"), output);
        assertTrue(output.lines().anyMatch(line -> line.matches(".*Installed features: \\[.*\\btwo-factor\\b.*")),
                output);

        given().contentType(ContentType.JSON).body("{\"recipient\":\"a@example.com\"}")
                .post("/two-factor/request-confirmation")
                .then().statusCode(201)
                .body("status", equalTo("pending"))
                .body("sender", equalTo("default"));
    }

    @Test
    void debugCodeResponseIsIgnoredInProduction() {
        assertTrue(app.getStartupConsoleOutput().contains("quarkus.two-factor.debug-code-response"),
                app.getStartupConsoleOutput());

        given().contentType(ContentType.JSON).body("{\"recipient\":\"b@example.com\"}")
                .post("/two-factor/request-confirmation")
                .then().statusCode(201)
                .body("$", not(hasKey("code")));
    }
}
