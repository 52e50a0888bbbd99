package io.quarkiverse.twofactor.it.nodatasource;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.runtime.rest.TwoFactorResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * This application has no SmallRye OpenAPI, so the MicroProfile OpenAPI annotations on the endpoints (an optional
 * dependency of the extension) are missing from its class path: the endpoints are served all the same, and reading
 * their annotations reflectively skips the missing ones.
 */
@QuarkusTest
class WithoutOpenApiTest {

    @Test
    void theOpenApiAnnotationsAreNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(
                "org.eclipse.microprofile.openapi.annotations.Operation", false,
                Thread.currentThread().getContextClassLoader()));
        given().get("/q/openapi").then().statusCode(404);
    }

    @Test
    void endpointsAreServedAndTheirMethodsReadWithoutTheAnnotations() throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("recipient", "+15550000001"))
                .post("/two-factor/request-confirmation").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"id\": 1}").post("/two-factor/confirm").then().statusCode(400)
                .contentType("application/problem+json");

        Method confirm = TwoFactorResource.class.getMethod("confirm", String.class, byte[].class);
        // @POST, @Path and @NonBlocking; @Operation, @RequestBody and the @APIResponses are skipped, and so is
        // @Parameter.
        assertEquals(3, confirm.getAnnotations().length, Arrays.toString(confirm.getAnnotations()));
        assertTrue(confirm.isAnnotationPresent(POST.class));
        assertEquals(List.of(HeaderParam.class), Arrays.stream(confirm.getParameterAnnotations()[0])
                .map(Annotation::annotationType).toList());
    }
}
