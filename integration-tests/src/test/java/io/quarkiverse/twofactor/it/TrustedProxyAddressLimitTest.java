package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * When Quarkus trusts the proxy in front of it, the address limit counts the client that {@code X-Forwarded-For} names:
 * the test plays the trusted proxy, and each forwarded client has a count of its own.
 */
@QuarkusTest
@TestProfile(TrustedProxyAddressLimitTest.BehindATrustedProxy.class)
class TrustedProxyAddressLimitTest {

    public static class BehindATrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.two-factor.rest.mode", "open",
                    "quarkus.two-factor.limits.requests-per-address", "1",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    @Test
    void eachForwardedClientIsCountedOnItsOwn() {
        requestFrom("203.0.113.7").statusCode(201);
        requestFrom("203.0.113.7").statusCode(429).contentType(PROBLEM).body("type", endsWith("too-many-requests"));

        requestFrom("203.0.113.8").statusCode(201);
    }

    private static ValidatableResponse requestFrom(String client) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON)
                .body(Map.of("recipient", freshRecipient())).post("/two-factor/request-confirmation").then();
    }
}
