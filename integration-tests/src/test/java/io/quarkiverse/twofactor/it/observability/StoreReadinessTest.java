package io.quarkiverse.twofactor.it.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The readiness check of the store, as a platform's probe reads it. */
@QuarkusTest
class StoreReadinessTest {

    @Test
    void readinessReportsTheDatabaseStoreUp() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'two-factor-store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'two-factor-store' }.data.store", equalTo("hibernate-orm"));
    }

    @Test
    void livenessDoesNotDependOnTheStore() {
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'two-factor-store' }", equalTo(null));
    }
}
