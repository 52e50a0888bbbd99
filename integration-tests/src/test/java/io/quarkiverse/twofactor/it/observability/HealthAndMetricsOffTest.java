package io.quarkiverse.twofactor.it.observability;

import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.requestFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** An application that has SmallRye Health and Micrometer but turns the extension's check and meters off. */
@QuarkusTest
@TestProfile(HealthAndMetricsOffTest.Off.class)
class HealthAndMetricsOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.two-factor.health.enabled", "false", "quarkus.two-factor.metrics.enabled", "false");
        }
    }

    @Test
    void neitherTheCheckNorTheMetersArePublished() {
        requestFor(freshRecipient());
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'two-factor-store' }", equalTo(null));
        given().get("/q/metrics").then().statusCode(200).body(not(containsString("two_factor_")));
    }
}
