package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * With {@code limits.requests-per-address} set, anonymous callers are counted by the address Quarkus reports. The
 * application listens on every loopback address, so the test can call from two: 127.0.0.1 and 127.0.0.2.
 */
@QuarkusTest
@TestProfile(AddressLimitTest.ThreeRequestsPerAddress.class)
class AddressLimitTest {

    public static class ThreeRequestsPerAddress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.two-factor.rest.mode", "open",
                    "quarkus.two-factor.resend.cooldown", "0S",
                    "quarkus.two-factor.limits.requests-per-address", "3",
                    "quarkus.http.host", "0.0.0.0");
        }
    }

    @Test
    void anAddressOverTheLimitGets429AndAForwardedHeaderDoesNotMoveIt() {
        String id = requestConfirmation(Map.of("recipient", freshRecipient())).statusCode(201).extract().path("id");
        Api.resend(id).statusCode(202);
        requestConfirmation(Map.of("recipient", freshRecipient())).statusCode(201);

        tooManyRequests(requestConfirmation(Map.of("recipient", freshRecipient())));
        tooManyRequests(Api.resend(id));
        // Quarkus trusts no proxy here, so these headers name no address the call is counted under.
        tooManyRequests(given().header("X-Forwarded-For", "203.0.113.7").header("Forwarded", "for=203.0.113.8")
                .contentType(ContentType.JSON).body(Map.of("recipient", freshRecipient()))
                .post("/two-factor/request-confirmation").then());

        given().baseUri("http://127.0.0.2").port(RestAssured.port).contentType(ContentType.JSON)
                .body(Map.of("recipient", freshRecipient())).post("/two-factor/request-confirmation").then()
                .statusCode(201);
    }

    private static void tooManyRequests(ValidatableResponse response) {
        response.statusCode(429).contentType(PROBLEM).body("type", endsWith("too-many-requests"))
                .header("Retry-After", Integer::parseInt, allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(600)));
    }
}
