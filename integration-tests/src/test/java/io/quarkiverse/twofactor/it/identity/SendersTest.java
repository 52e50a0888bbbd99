package io.quarkiverse.twofactor.it.identity;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.identity.Caller.ALICE;
import static io.quarkiverse.twofactor.it.identity.Caller.BOB;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(IdentityModeProfile.class)
class SendersTest {

    @Test
    void signedInCallerGetsEveryConfiguredSenderWithItsVerboseName() {
        for (Caller caller : new Caller[] { ALICE, BOB }) {
            caller.senders().statusCode(200).contentType(ContentType.JSON)
                    .body("key", contains("broken", "default", "log"))
                    .body("find { it.key == 'default' }.verboseName", equalTo("Demo inbox"));
        }
    }

    @Test
    void senderWithoutAVerboseNameIsShownByItsKey() {
        ALICE.senders().statusCode(200).body("find { it.key == 'log' }.verboseName", equalTo("log"));
    }

    @Test
    void anonymousCallerIsUnauthorized() {
        given().get("/two-factor/senders").then().statusCode(401).contentType(PROBLEM)
                .body("type", endsWith("unauthenticated"))
                .body("status", equalTo(401));
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        given().auth().preemptive().basic("alice", "bob").get("/two-factor/senders").then().statusCode(401);
    }
}
