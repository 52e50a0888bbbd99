package io.quarkiverse.twofactor.it;

import static io.restassured.RestAssured.given;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void dump() throws Exception {
        String doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target/openapi.json"), doc);
    }
}
