package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.AuthenticatorApp.stableStep;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.runtime.totp.Base32;
import io.quarkiverse.twofactor.runtime.totp.TotpAlgorithm;
import io.quarkiverse.twofactor.runtime.totp.TotpCodes;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * The packaged application in production mode, logging everything at DEBUG, runs the authenticator app and recovery
 * code flows as a signed-in user: recovery codes issued and used, an app enrolled, verified and confirming. Neither the
 * log nor any response carries the app's secret, a code it computed, a recovery code or the encryption key, except
 * the one answer that shows each to its user: the enrolment its secret, the issuing its recovery codes.
 */
@QuarkusIntegrationTest
@TestProfile(ProductionAuthenticatorLogsIT.DebugEverything.class)
class ProductionAuthenticatorLogsIT {

    private static final String ENCRYPTION_KEY = "totp-key-of-the-log-proof-0a1b2c3d4e5f6a7b8c9d";
    private static final TotpCodes APP = new TotpCodes(TotpAlgorithm.SHA1, 8, Duration.ofSeconds(30));

    public static class DebugEverything implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.level", "DEBUG",
                    "quarkus.log.category.\"io.quarkus\".level", "DEBUG",
                    "%prod.quarkus.two-factor.debug-code-response", "true",
                    "quarkus.two-factor.rest.mode", "identity",
                    // Eight digits: six would turn up in a DEBUG log full of numbers by chance.
                    "quarkus.two-factor.totp.digits", "8",
                    "quarkus.two-factor.totp.encryption-key", ENCRYPTION_KEY);
        }
    }

    private final List<String> responses = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordResponses() {
        RestAssured.filters((request, response, context) -> {
            Response answer = context.next(request, response);
            responses.add(answer.getStatusLine() + "\n" + answer.getHeaders() + "\n" + answer.asString());
            return answer;
        });
    }

    @AfterEach
    void stopRecording() {
        RestAssured.replaceFiltersWith(List.of());
    }

    @Test
    void noSecretOrCodeOfAnAppOrARecoveryCodeReachesTheLogOrAnotherResponse() throws Exception {
        List<String> recoveryCodes = alice().post("/two-factor/recovery-codes").then().statusCode(201).extract()
                .path("codes");
        int issuing = responses.size() - 1;

        var enrolled = alice().contentType(ContentType.JSON).body(Map.of("label", "Phone"))
                .post("/two-factor/authenticators").then().statusCode(201).extract();
        int enrolment = responses.size() - 1;
        String secret = enrolled.path("secret");
        byte[] key = Base32.decode(secret);
        long step = stableStep();
        String verifying = APP.codeAt(key, step);
        alice().contentType(ContentType.JSON).body(Map.of("code", verifying))
                .post("/two-factor/authenticators/{id}/verify", enrolled.<String> path("id")).then().statusCode(200);

        String confirming = APP.codeAt(key, step + 1);
        String appConfirmation = request("totp");
        confirm(appConfirmation, APP.codeAt(key, step - 5)).statusCode(400);
        confirm(appConfirmation, confirming).statusCode(200).body("status", equalTo("confirmed"));
        String codeConfirmation = request("recovery-code");
        confirm(codeConfirmation, recoveryCodes.get(0)).statusCode(200);

        String log = Files.readString(Path.of("target", "quarkus.log"));
        assertTrue(log.lines().filter(line -> line.contains(" DEBUG [")).count() > 100, "the log is at DEBUG");
        assertFalse(log.contains(ENCRYPTION_KEY), "the encryption key is in the log");
        assertFalse(log.contains(secret), "the app's secret is in the log");
        List<Pattern> appCodes = List.of(wholeNumber(verifying), wholeNumber(confirming));
        appCodes.forEach(code -> assertFalse(code.matcher(log).find(), "an app's code is in the log"));
        recoveryCodes.forEach(code -> assertFalse(log.contains(code), "a recovery code is in the log"));
        for (int i = 0; i < responses.size(); i++) {
            String response = responses.get(i);
            assertFalse(response.contains(ENCRYPTION_KEY), "the key is in a response");
            assertEquals(i == enrolment, response.contains(secret), () -> "the secret in " + response);
            for (String code : recoveryCodes) {
                assertEquals(i == issuing, response.contains(code), () -> "a recovery code in " + response);
            }
            appCodes.forEach(code -> assertFalse(code.matcher(response).find(), () -> "an app's code in " + response));
        }
    }

    /** The code as a number of its own, not as digits inside a longer one (a timestamp, a port). */
    private static Pattern wholeNumber(String code) {
        return Pattern.compile("(?<!\\d)" + code + "(?!\\d)");
    }

    private static RequestSpecification alice() {
        return RestAssured.given().auth().preemptive().basic("alice", "alice");
    }

    private static String request(String method) {
        return alice().contentType(ContentType.JSON).body(Map.of("purpose", "pay", "method", method))
                .post("/two-factor/request-confirmation").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse confirm(String id, String code) {
        return alice().contentType(ContentType.JSON).body(Map.of("id", id, "code", code))
                .post("/two-factor/confirm").then();
    }
}
