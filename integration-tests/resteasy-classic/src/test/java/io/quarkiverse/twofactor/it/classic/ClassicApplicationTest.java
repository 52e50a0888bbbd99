package io.quarkiverse.twofactor.it.classic;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Outbox;
import io.quarkiverse.twofactor.RequiresConfirmation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * An application on RESTEasy Classic builds with the extension, drives codes through the Java API from its own
 * endpoints, guards one with step-up, and does not serve the extension's endpoints, which need Quarkus REST.
 */
@QuarkusTest
class ClassicApplicationTest {

    private static final String PHONE = "+15550000001";

    @Inject
    Outbox outbox;

    @Test
    void quarkusRestIsNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(
                "org.jboss.resteasy.reactive.server.ServerExceptionMapper", false,
                Thread.currentThread().getContextClassLoader()));
    }

    @Test
    void theExtensionsEndpointsAreNotServed() {
        given().contentType(ContentType.JSON).body("{\"recipient\":\"" + PHONE + "\"}")
                .post("/two-factor/request-confirmation").then().statusCode(404);
        asAlice().get("/two-factor/senders").then().statusCode(404);
    }

    @Test
    void aCodeRequestedAndConfirmedThroughTheJavaApiPaysOnce() {
        String id = requestCode();
        asAlice().formParam("code", "not-the-code").post("/payments/codes/{id}", id)
                .then().statusCode(200).body(equalTo("WRONG_CODE"));
        asAlice().post("/payments/{id}", id).then().statusCode(403);

        asAlice().formParam("code", lastCode()).post("/payments/codes/{id}", id)
                .then().statusCode(200).body(equalTo("CONFIRMED"));
        asAlice().post("/payments/{id}", id).then().statusCode(200).body(equalTo("paid"));
        asAlice().post("/payments/{id}", id).then().statusCode(403);
    }

    @Test
    void anotherUserCannotConfirmOrSpendTheConfirmation() {
        String id = requestCode();
        String code = lastCode();
        asBob().formParam("code", code).post("/payments/codes/{id}", id)
                .then().statusCode(200).body(equalTo("NOT_FOUND"));
        asAlice().formParam("code", code).post("/payments/codes/{id}", id).then().body(equalTo("CONFIRMED"));
        asBob().post("/payments/{id}", id).then().statusCode(403);
    }

    @Test
    void stepUpOnAClassicEndpointRefusesWithAProblemUntilAConfirmationIsSpent() {
        asAlice().post("/payments/guarded")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("confirmation-required"))
                .body("purpose", equalTo(PaymentResource.PURPOSE));

        String id = requestCode();
        asAlice().header(RequiresConfirmation.HEADER, id).post("/payments/guarded").then().statusCode(403);
        asAlice().formParam("code", lastCode()).post("/payments/codes/{id}", id).then().body(equalTo("CONFIRMED"));
        asAlice().header(RequiresConfirmation.HEADER, id).post("/payments/guarded")
                .then().statusCode(200).body(equalTo("paid"));
        asAlice().header(RequiresConfirmation.HEADER, id).post("/payments/guarded").then().statusCode(403);
    }

    @Test
    void stepUpConfirmsAndSpendsWithTheCodeHeaderAndAnswersAWrongCodeWithAProblem() {
        String id = requestCode();
        asAlice().header(RequiresConfirmation.HEADER, id).header(RequiresConfirmation.CODE_HEADER, "not-the-code")
                .post("/payments/guarded")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("wrong-code"));
        asAlice().header(RequiresConfirmation.HEADER, id).header(RequiresConfirmation.CODE_HEADER, lastCode())
                .post("/payments/guarded")
                .then().statusCode(200).body(equalTo("paid"));
    }

    private static String requestCode() {
        return asAlice().formParam("phone", PHONE).post("/payments/codes").then().statusCode(200).extract().asString();
    }

    private String lastCode() {
        return outbox.lastCode("default", PHONE).orElseThrow();
    }

    private static RequestSpecification asAlice() {
        return given().auth().preemptive().basic("alice", "alice");
    }

    private static RequestSpecification asBob() {
        return given().auth().preemptive().basic("bob", "bob");
    }
}
