package io.quarkiverse.twofactor.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The %test profile runs the open mode: the senders are listed to anyone, and destinations are not served. */
@QuarkusTest
class OpenModeSendersTest {

    @Test
    void sendersAreListedWithoutSigningIn() {
        given().get("/two-factor/senders").then().statusCode(200).contentType(ContentType.JSON)
                .body("key", contains("broken", "default", "log"))
                .body("find { it.key == 'default' }.verboseName", equalTo("default"));
    }

    @Test
    void destinationsAreNotServedInOpenMode() {
        given().get("/two-factor/destinations").then().statusCode(404).contentType(Api.PROBLEM);
        given().auth().preemptive().basic("alice", "alice").get("/two-factor/destinations").then().statusCode(404);
    }
}
