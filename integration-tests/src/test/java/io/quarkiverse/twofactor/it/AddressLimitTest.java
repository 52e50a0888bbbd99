package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.it.badinput.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * With {@code limits.requests-per-address} set, anonymous callers are counted by the address Quarkus reports. The test
 * calls from two loopback addresses: RestAssured's, and 127.0.0.2.
 */
@QuarkusTest
@TestProfile(AddressLimitTest.ThreeRequestsPerAddress.class)
class AddressLimitTest {

    public static class ThreeRequestsPerAddress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.two-factor.rest.mode", "open",
                    "quarkus.two-factor.resend.cooldown", "0S",
                    "quarkus.two-factor.limits.requests-per-address", "3");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void anAddressOverTheLimitGets429AndAForwardedHeaderDoesNotMoveIt() throws Exception {
        String id = requestConfirmation(Map.of("recipient", freshRecipient())).statusCode(201).extract().path("id");
        Api.resend(id).statusCode(202);
        requestConfirmation(Map.of("recipient", freshRecipient())).statusCode(201);

        tooManyRequests(requestConfirmation(Map.of("recipient", freshRecipient())));
        tooManyRequests(Api.resend(id));
        // Quarkus trusts no proxy here, so these headers name no address the call is counted under.
        tooManyRequests(given().header("X-Forwarded-For", "203.0.113.7").header("Forwarded", "for=203.0.113.8")
                .contentType(ContentType.JSON).body(Map.of("recipient", freshRecipient()))
                .post("/two-factor/request-confirmation").then());

        byte[] body = ("{\"recipient\":\"" + freshRecipient() + "\"}").getBytes(StandardCharsets.UTF_8);
        String answer = RawHttp.sendFrom(InetAddress.getByName("127.0.0.2"), base,
                "POST /two-factor/request-confirmation HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length, body);
        assertEquals(201, RawHttp.status(answer), answer);
    }

    private static void tooManyRequests(ValidatableResponse response) {
        response.statusCode(429).contentType(PROBLEM).body("type", endsWith("too-many-requests"))
                .header("Retry-After", Integer::parseInt, allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(600)));
    }
}
