package io.quarkiverse.twofactor.deployment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.path.json.JsonPath;

/**
 * The Dev UI card's JSON-RPC service, in a dev-mode application with the Hibernate ORM store and the outbox. One test,
 * since a dev-mode application starts again for each.
 */
class DevUiCardTest {

    private static final int PORT = TestApps.freePort();
    private static final String PHONE = "+15550104321";

    @RegisterExtension
    static final QuarkusDevModeTest app = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addAsResource(TestApps.devModeConfig(PORT,
                    "quarkus.two-factor.outbox.enabled=true"), "application.properties"));

    @Test
    void aConfirmationShowsWithItsStatusMaskedRecipientAndWrongCodesAndItsCodeShowsWithTheOutbox() throws Exception {
        JsonPath made = given().port(PORT).contentType("application/json").body("{\"recipient\": \"" + PHONE + "\"}")
                .post("/two-factor/request-confirmation")
                .then().statusCode(201).extract().jsonPath();
        String id = made.getString("id");
        String code = made.getString("code");

        JsonNode view = DevUiJsonRpc.call(PORT, "view");

        assertEquals("hibernate-orm", view.get("store").asText());
        assertTrue(view.get("storeLists").asBoolean());
        JsonNode confirmation = row(view.get("confirmations"), "id", id);
        assertEquals("pending", confirmation.get("status").asText());
        assertEquals("+1•••••4321", confirmation.get("recipient").asText());
        assertEquals("default", confirmation.get("sender").asText());
        assertEquals(0, confirmation.get("attempts").asInt());

        assertTrue(view.get("outboxEnabled").asBoolean());
        JsonNode held = row(view.get("codes"), "confirmationId", id);
        assertEquals("outbox", held.get("heldBy").asText());
        assertEquals(code, held.get("code").asText());
        assertEquals("+1•••••4321", held.get("recipient").asText());

        JsonNode sender = view.get("senders").get(0);
        assertEquals("default", sender.get("key").asText());
        assertEquals("log", sender.get("backend").asText());
        assertEquals("/two-factor", view.get("restPath").asText());
        assertFalse(view.toString().contains(PHONE), "the whole number is in the card's data");

        String wrongCode = (code.charAt(0) == '0' ? "1" : "0") + code.substring(1);
        given().port(PORT).contentType("application/json")
                .body("{\"id\": \"" + id + "\", \"code\": \"" + wrongCode + "\"}")
                .post("/two-factor/confirm")
                .then().statusCode(400);
        given().port(PORT).contentType("application/json")
                .body("{\"id\": \"" + id + "\", \"code\": \"" + code + "\"}")
                .post("/two-factor/confirm")
                .then().statusCode(200);

        JsonNode confirmed = row(DevUiJsonRpc.call(PORT, "view").get("confirmations"), "id", id);
        assertEquals(1, confirmed.get("attempts").asInt());
        assertEquals("confirmed", confirmed.get("status").asText());
    }

    private static JsonNode row(JsonNode rows, String field, String value) {
        return StreamSupport.stream(rows.spliterator(), false)
                .filter(row -> row.get(field).asText().equals(value))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + field + " " + value + " in " + rows));
    }
}
