package io.quarkiverse.twofactor.it.nodatasource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.Outbox;
import io.quarkiverse.twofactor.runtime.StoreSelector;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Without a datasource the extension starts on the memory store and the whole flow works over HTTP. */
@QuarkusTest
class MemoryStoreApplicationTest {

    /** The store this application is expected to run on. */
    protected String expectedStore() {
        return "memory";
    }

    @Inject
    StoreSelector stores;

    @Inject
    Outbox outbox;

    @Inject
    Confirmer confirmer;

    @Test
    void theConfiguredStoreRunsWithoutHibernateOrm() {
        assertEquals(expectedStore(), stores.selected().name());
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("org.hibernate.Session", false, Thread.currentThread().getContextClassLoader()));
    }

    @Test
    void requestConfirmAndUseOverHttpWithCodesFromTheOutbox() {
        String recipient = "+15557654321";
        String id = given().contentType(ContentType.JSON).body(Map.of("recipient", recipient))
                .post("/two-factor/request-confirmation").then().statusCode(201).extract().path("id");
        String code = outbox.lastCode("default", recipient).orElseThrow();

        given().contentType(ContentType.JSON).body(Map.of("id", id, "code", code)).post("/two-factor/confirm")
                .then().statusCode(200).body("status", equalTo("confirmed"));

        assertEquals(true, confirmer.use(java.util.UUID.fromString(id)));
        given().get("/two-factor/confirmations/{id}", id).then().statusCode(200).body("status", equalTo("used"));
    }
}
