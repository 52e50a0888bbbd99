package io.quarkiverse.twofactor.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * With SmallRye OpenAPI in the application, {@code /q/openapi} describes every endpoint of the extension: its
 * operation, request body, success and problem answers, with schemas. The document is parsed, not matched as text.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final String PROBLEM_TYPE = "urn:quarkus-two-factor:problem:";
    static final String PROBLEM_SCHEMA = "#/components/schemas/TwoFactorProblem";

    /** Path (under /two-factor), method, operation id, success code and the problem codes it answers. */
    /** An operation, its success answer (and any other, such as 202 for a delivery left queued) and its problems. */
    record Endpoint(String path, String method, String operationId, String success, Set<String> otherSuccesses,
            Set<String> problems) {

        Endpoint(String path, String method, String operationId, String success, Set<String> problems) {
            this(path, method, operationId, success, Set.of(), problems);
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/senders", "get", "twoFactorSenders", "200", Set.of("401", "500", "503")),
            new Endpoint("/request-confirmation", "post", "twoFactorRequestConfirmation", "201", Set.of("202"),
                    Set.of("400", "401", "409", "415", "429", "500", "503")),
            new Endpoint("/confirm", "post", "twoFactorConfirm", "200",
                    Set.of("400", "401", "404", "409", "410", "415", "429", "500", "503")),
            new Endpoint("/confirmations/{id}", "get", "twoFactorConfirmation", "200",
                    Set.of("400", "401", "404", "500", "503")),
            new Endpoint("/resend", "post", "twoFactorResend", "202",
                    Set.of("400", "401", "404", "409", "410", "415", "429", "500", "503")),
            new Endpoint("/destinations", "get", "twoFactorDestinations", "200", Set.of("401", "404", "500", "503")),
            new Endpoint("/destinations", "post", "twoFactorAddDestination", "201", Set.of("202"),
                    Set.of("400", "401", "403", "404", "409", "415", "429", "500", "503")),
            new Endpoint("/destinations/{id}", "get", "twoFactorDestination", "200",
                    Set.of("400", "401", "404", "500", "503")),
            new Endpoint("/destinations/{id}", "delete", "twoFactorRemoveDestination", "204",
                    Set.of("400", "401", "403", "404", "500", "503")),
            new Endpoint("/destinations/{id}/default", "put", "twoFactorMakeDestinationDefault", "204",
                    Set.of("400", "401", "404", "409", "500", "503")),
            new Endpoint("/authenticators", "get", "twoFactorAuthenticators", "200",
                    Set.of("401", "404", "500", "503")),
            new Endpoint("/authenticators", "post", "twoFactorEnrolAuthenticator", "201",
                    Set.of("400", "401", "403", "404", "415", "500", "503")),
            new Endpoint("/authenticators/{id}/verify", "post", "twoFactorVerifyAuthenticator", "200",
                    Set.of("400", "401", "404", "415", "500", "503")),
            new Endpoint("/authenticators/{id}", "delete", "twoFactorRemoveAuthenticator", "204",
                    Set.of("400", "401", "403", "404", "500", "503")),
            new Endpoint("/recovery-codes", "get", "twoFactorRecoveryCodesLeft", "200",
                    Set.of("401", "404", "500", "503")),
            new Endpoint("/recovery-codes", "post", "twoFactorIssueRecoveryCodes", "201",
                    Set.of("401", "403", "404", "500", "503")));

    /** Every problem type of the guide's "Errors" table. */
    static final Set<String> PROBLEM_TYPES = Set.of("invalid-request", "unsupported-media-type", "unknown-sender",
            "invalid-recipient", "wrong-code", "not-found", "unauthenticated", "confirmation-required",
            "destination-exists", "destination-not-verified", "no-destination", "no-authenticator", "not-pending",
            "no-sender", "expired", "attempts-exhausted", "resend-cooldown", "too-many-sends", "too-many-failures",
            "too-many-requests", "recipient-rejected", "sender-failed", "sender-budget-exhausted", "sender-busy",
            "store-unavailable", "internal-error");

    JsonNode document;

    @BeforeEach
    void readTheDocument() throws Exception {
        String json = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        document = new ObjectMapper().readTree(json);
    }

    /** The path prefix comes from quarkus.two-factor.rest.path; another test class runs with another one. */
    protected String restPath() {
        return "/two-factor";
    }

    @Test
    void everyEndpointOfTheExtensionIsDescribedAndNothingElseCarriesItsTag() {
        Set<String> expected = new TreeSet<>();
        for (Endpoint endpoint : ENDPOINTS) {
            expected.add(endpoint.method() + " " + restPath() + endpoint.path());
            JsonNode operation = operation(endpoint);
            assertEquals(endpoint.operationId(), operation.path("operationId").asText(), endpoint.toString());
            assertEquals("two-factor", operation.path("tags").path(0).asText(), endpoint.toString());
            assertFalse(operation.path("summary").asText().isBlank(), endpoint.toString());
        }
        Set<String> tagged = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            for (JsonNode tag : method.getValue().path("tags")) {
                if (tag.asText().equals("two-factor")) {
                    tagged.add(method.getKey() + " " + path.getKey());
                }
            }
        }));
        assertEquals(expected, tagged);
    }

    @Test
    void postBodiesAreJsonObjectsWithTheirFieldsAndRequiredOnes() {
        assertBody(body("/confirm"), Set.of("id", "code"), Set.of("id", "code"));
        assertBody(body("/resend"), Set.of("id"), Set.of("id"));
        assertBody(body("/destinations"), Set.of("recipient", "sender"), Set.of("recipient"));

        // request-confirmation reads one of two bodies, by quarkus.two-factor.rest.mode.
        JsonNode oneOf = bodySchema("/request-confirmation").path("oneOf");
        assertEquals(2, oneOf.size(), oneOf.toString());
        JsonNode identity = resolve(oneOf.get(0));
        JsonNode open = resolve(oneOf.get(1));
        assertBody(identity, Set.of("purpose", "sender", "destination", "method"), Set.of("purpose"));
        assertBody(open, Set.of("recipient", "sender", "meta"), Set.of("recipient"));
        assertEquals("object", open.at("/properties/meta/type").asText());
        assertEquals("string", open.at("/properties/meta/additionalProperties/type").asText());
        assertEquals("uuid", body("/confirm").at("/properties/id/format").asText());
        assertEquals(64, body("/confirm").at("/properties/code/maxLength").asInt());
    }

    @Test
    void everyOperationAnswersItsSuccessAndItsProblemsAsProblemJson() {
        for (Endpoint endpoint : ENDPOINTS) {
            JsonNode responses = operation(endpoint).path("responses");
            Set<String> codes = new TreeSet<>();
            responses.fieldNames().forEachRemaining(codes::add);
            Set<String> expected = new TreeSet<>(endpoint.problems());
            expected.add(endpoint.success());
            expected.addAll(endpoint.otherSuccesses());
            assertEquals(expected, codes, endpoint.toString());
            for (String code : endpoint.problems()) {
                JsonNode content = responses.path(code).path("content");
                assertEquals(List.of("application/problem+json"), namesInOrder(content), endpoint + " " + code);
                assertEquals(PROBLEM_SCHEMA, content.at("/application~1problem+json/schema/$ref").asText(),
                        endpoint + " " + code);
            }
            for (String code : expected) {
                if (endpoint.problems().contains(code)) {
                    continue;
                }
                JsonNode success = responses.path(code);
                if (code.equals("204")) {
                    assertTrue(success.path("content").isMissingNode(), endpoint.toString());
                } else {
                    assertEquals(List.of("application/json"), namesInOrder(success.path("content")),
                            endpoint + " " + code);
                }
            }
        }
    }

    @Test
    void successBodiesHaveTheirMembers() {
        JsonNode senders = successSchema("/senders", "get", "200");
        assertEquals("array", senders.path("type").asText());
        assertEquals(Set.of("key", "verboseName"), names(resolve(senders.path("items")).path("properties")));

        JsonNode made = resolve(successSchema("/request-confirmation", "post", "201"));
        assertEquals(Set.of("id", "status", "sender", "purpose", "expiresAt", "delivery", "code"),
                names(made.path("properties")));
        assertEquals(made, resolve(successSchema("/request-confirmation", "post", "202")));
        assertTrue(operation(endpoint("/request-confirmation", "post")).at("/responses/201/headers/Location")
                .isObject());

        assertEquals(Set.of("id", "status", "confirmed"),
                names(resolve(successSchema("/confirm", "post", "200")).path("properties")));
        assertEquals(Set.of("id", "status", "sender", "purpose", "expiresAt", "confirmed", "meta", "delivery"),
                names(resolve(successSchema("/confirmations/{id}", "get", "200")).path("properties")));
        assertEquals(Set.of("id", "status", "expiresAt", "delivery", "code"),
                names(resolve(successSchema("/resend", "post", "202")).path("properties")));

        JsonNode destination = resolve(successSchema("/destinations/{id}", "get", "200"));
        assertEquals(Set.of("id", "sender", "recipient", "verified", "default", "createdAt"),
                names(destination.path("properties")));
        JsonNode added = resolve(successSchema("/destinations", "post", "201"));
        assertEquals(Set.of("destination", "confirmation"), names(added.path("properties")));
        assertEquals(added, resolve(successSchema("/destinations", "post", "202")));

        JsonNode enrolled = resolve(successSchema("/authenticators", "post", "201"));
        assertEquals(Set.of("id", "label", "verified", "createdAt", "secret", "otpauthUri", "qrCode"),
                names(enrolled.path("properties")));
        assertEquals(Set.of("id", "label", "verified", "createdAt"),
                names(resolve(successSchema("/authenticators/{id}/verify", "post", "200")).path("properties")));
        assertEquals(Set.of("codes", "remaining"),
                names(resolve(successSchema("/recovery-codes", "post", "201")).path("properties")));
    }

    @Test
    void theProblemSchemaListsItsMembersAndEveryType() {
        JsonNode problem = resolve(ref(PROBLEM_SCHEMA));
        assertEquals(Set.of("type", "title", "status", "detail", "remainingAttempts", "sender", "purpose",
                "confirmationStatus"), names(problem.path("properties")));
        assertEquals(Set.of("type", "title", "status", "detail"), texts(problem.path("required")));
        Set<String> types = new TreeSet<>();
        for (JsonNode type : problem.at("/properties/type/enum")) {
            assertTrue(type.asText().startsWith(PROBLEM_TYPE), type.asText());
            types.add(type.asText().substring(PROBLEM_TYPE.length()));
        }
        assertEquals(new TreeSet<>(PROBLEM_TYPES), types);
        assertEquals("integer", problem.at("/properties/status/type").asText());
        assertEquals("integer",
                operation(endpoint("/resend", "post")).at("/responses/429/headers/Retry-After/schema/type").asText());
    }

    @Test
    void theProblemTypesAreThoseOfTheGuide() throws Exception {
        String guide = Files.readString(Path.of("../docs/modules/ROOT/pages/rest-and-security.adoc"));
        String errors = guide.substring(guide.indexOf("=== Errors"), guide.indexOf("[[invalid-request-details]]"));
        Set<String> listed = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\|`([a-z-]+)`$").matcher(errors);
        while (row.find()) {
            listed.add(row.group(1));
        }
        assertEquals(new TreeSet<>(PROBLEM_TYPES), listed);
    }

    @Test
    void realAnswersHaveOnlyDescribedMembers() {
        String recipient = Api.freshRecipient();
        Map<String, Object> made = given().contentType(ContentType.JSON).body(Map.of("recipient", recipient))
                .post(restPath() + "/request-confirmation").then().statusCode(201).extract().as(Map.class);
        assertDescribes(successSchema("/request-confirmation", "post", "201"), made);
        String id = (String) made.get("id");
        String code = (String) made.get("code");

        Map<String, Object> wrong = given().contentType(ContentType.JSON)
                .body(Map.of("id", id, "code", Api.wrongCode(code))).post(restPath() + "/confirm").then()
                .statusCode(400).contentType("application/problem+json").extract().as(Map.class);
        assertDescribes(ref(PROBLEM_SCHEMA), wrong);
        assertTrue(wrong.containsKey("remainingAttempts"), wrong.toString());
        assertTrue(texts(resolve(ref(PROBLEM_SCHEMA)).at("/properties/type/enum")).contains(wrong.get("type")),
                wrong.toString());

        Map<String, Object> confirmed = given().contentType(ContentType.JSON).body(Map.of("id", id, "code", code))
                .post(restPath() + "/confirm").then().statusCode(200).extract().as(Map.class);
        assertDescribes(successSchema("/confirm", "post", "200"), confirmed);

        Map<String, Object> state = given().get(restPath() + "/confirmations/{id}", id).then().statusCode(200)
                .extract().as(Map.class);
        assertDescribes(successSchema("/confirmations/{id}", "get", "200"), state);

        Map<String, Object> notPending = given().contentType(ContentType.JSON).body(Map.of("id", id))
                .post(restPath() + "/resend").then().statusCode(409).extract().as(Map.class);
        assertDescribes(ref(PROBLEM_SCHEMA), notPending);
        assertEquals("confirmed", notPending.get("confirmationStatus"));
    }

    private void assertDescribes(JsonNode schema, Map<String, Object> answer) {
        JsonNode described = resolve(schema);
        assertTrue(names(described.path("properties")).containsAll(answer.keySet()),
                answer.keySet() + " not all in " + names(described.path("properties")));
        assertTrue(answer.keySet().containsAll(texts(described.path("required"))),
                "required " + texts(described.path("required")) + " missing from " + answer.keySet());
    }

    private Endpoint endpoint(String path, String method) {
        return ENDPOINTS.stream().filter(e -> e.path().equals(path) && e.method().equals(method)).findFirst()
                .orElseThrow();
    }

    private JsonNode operation(Endpoint endpoint) {
        JsonNode operation = document.path("paths").path(restPath() + endpoint.path()).path(endpoint.method());
        assertTrue(operation.isObject(), "No operation for " + endpoint + " in " + names(document.path("paths")));
        return operation;
    }

    private JsonNode bodySchema(String path) {
        JsonNode body = operation(endpoint(path, "post")).path("requestBody");
        assertTrue(body.path("required").asBoolean(), path);
        assertEquals(List.of("application/json"), namesInOrder(body.path("content")), path);
        return body.at("/content/application~1json/schema");
    }

    private JsonNode body(String path) {
        return resolve(bodySchema(path));
    }

    private JsonNode successSchema(String path, String method, String code) {
        return operation(endpoint(path, method)).at("/responses/" + code + "/content/application~1json/schema");
    }

    private static void assertBody(JsonNode schema, Set<String> properties, Set<String> required) {
        assertEquals("object", schema.path("type").asText(), schema.toString());
        assertEquals(properties, names(schema.path("properties")), schema.toString());
        assertEquals(required, texts(schema.path("required")), schema.toString());
    }

    private static JsonNode ref(String ref) {
        return JsonNodeFactory.instance.objectNode().put("$ref", ref);
    }

    /** The schema itself, following a {@code $ref} into the components. */
    private JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            assertTrue(ref.startsWith("#/components/schemas/"), ref);
            JsonNode target = document.at("/components/schemas/" + ref.substring("#/components/schemas/".length()));
            assertTrue(target.isObject(), "Missing schema " + ref);
            return target;
        }
        return schema;
    }

    private static <T extends java.util.Collection<String>> T names(JsonNode object, T into) {
        Iterator<String> names = object.fieldNames();
        names.forEachRemaining(into::add);
        return into;
    }

    private static Set<String> names(JsonNode object) {
        return names(object, new TreeSet<>());
    }

    private static List<String> namesInOrder(JsonNode object) {
        return names(object, new ArrayList<>());
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
