package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.confirm;
import static io.quarkiverse.twofactor.it.Api.deliveredCode;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.protectedAction;
import static io.quarkiverse.twofactor.it.Api.requestFor;
import static io.quarkiverse.twofactor.it.Api.wrongCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ConfirmFlowTest {

    @Test
    void requestConfirmCheckAndUseExactlyOnce() {
        String recipient = freshRecipient();
        String id = requestFor(recipient);
        protectedAction(id).statusCode(403);

        confirm(id, deliveredCode(recipient)).statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(id)).body("status", equalTo("confirmed")).body("confirmed", equalTo(true));
        Api.check(id).statusCode(200).body("status", equalTo("confirmed")).body("confirmed", equalTo(true))
                .body("sender", equalTo("default"));

        protectedAction(id).statusCode(200);
        protectedAction(id).statusCode(403);
        Api.check(id).statusCode(200).body("status", equalTo("used")).body("confirmed", equalTo(true));
    }

    @Test
    void wrongCodeIsABadRequestThatCountsDown() {
        String recipient = freshRecipient();
        String id = requestFor(recipient);
        String wrong = wrongCode(deliveredCode(recipient));
        confirm(id, wrong).statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("wrong-code")).body("remainingAttempts", equalTo(4));
        confirm(id, wrong).statusCode(400).body("remainingAttempts", equalTo(3));
        Api.check(id).statusCode(200).body("status", equalTo("pending"));
    }

    @Test
    void fifthWrongCodeLocksTheConfirmationAndTheRightCodeNoLongerWorks() {
        String recipient = freshRecipient();
        String id = requestFor(recipient);
        String code = deliveredCode(recipient);
        for (int i = 0; i < 4; i++) {
            confirm(id, wrongCode(code)).statusCode(400);
        }
        confirm(id, wrongCode(code)).statusCode(429).contentType(PROBLEM).body("type", endsWith("attempts-exhausted"));
        confirm(id, code).statusCode(429).contentType(PROBLEM);
        Api.check(id).statusCode(200).body("status", equalTo("failed")).body("confirmed", equalTo(false));
        protectedAction(id).statusCode(403);
    }

    @Test
    void confirmingTwiceIsAConflictThatNamesTheStatus() {
        String recipient = freshRecipient();
        String id = requestFor(recipient);
        String code = deliveredCode(recipient);
        confirm(id, code).statusCode(200);
        confirm(id, code).statusCode(409).contentType(PROBLEM).body("confirmationStatus", equalTo("confirmed"));
        protectedAction(id).statusCode(200);
        confirm(id, code).statusCode(409).body("confirmationStatus", equalTo("used"));
    }

    @Test
    void unknownIdIsNotFound() {
        confirm(UUID.randomUUID().toString(), "123456").statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404));
        Api.check(UUID.randomUUID().toString()).statusCode(404).contentType(PROBLEM);
    }

    @Test
    void malformedIdsAndBodiesAreBadRequests() {
        confirm("not-a-uuid", "123456").statusCode(400).contentType(PROBLEM);
        confirm("1-1-1-1-1", "123456").statusCode(400).contentType(PROBLEM);
        confirm(Map.of("id", UUID.randomUUID().toString())).statusCode(400).contentType(PROBLEM);
        confirm(Map.of("id", UUID.randomUUID().toString(), "code", 123456)).statusCode(400).contentType(PROBLEM);
        confirm(Map.of("id", UUID.randomUUID().toString(), "code", "1".repeat(65))).statusCode(400);
        given().contentType(ContentType.JSON).body("{\"id\":1,\"id\":2}").post("/two-factor/confirm")
                .then().statusCode(400).contentType(PROBLEM);
        Api.check("1-1-1-1-1").statusCode(400).contentType(PROBLEM);
        Api.check("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz").statusCode(400).contentType(PROBLEM);
    }

    @Test
    void responsesNeverCarryTheHash() {
        String recipient = freshRecipient();
        String id = requestFor(recipient);
        String body = Api.check(id).statusCode(200).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(body, not(containsString("hash")));
        org.hamcrest.MatcherAssert.assertThat(body, not(containsString(deliveredCode(recipient))));
    }

    @Test
    void confirmationMadeForOneUserCannotBeSpentByAnother() {
        String recipient = freshRecipient();
        String id = Api.requestConfirmation(Map.of("recipient", recipient, "meta", Map.of("user", "alice")))
                .statusCode(201).extract().path("id");
        confirm(id, deliveredCode(recipient)).statusCode(200);
        given().post("/demo/users/bob/protected-action/{id}", id).then().statusCode(403);
        given().post("/demo/users/alice/protected-action/{id}", id).then().statusCode(200);
        given().post("/demo/users/alice/protected-action/{id}", id).then().statusCode(403);
    }
}
