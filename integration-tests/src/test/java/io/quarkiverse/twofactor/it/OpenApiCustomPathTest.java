package io.quarkiverse.twofactor.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The description follows quarkus.two-factor.rest.path, destinations included. */
@QuarkusTest
@TestProfile(OpenApiCustomPathTest.CustomPath.class)
class OpenApiCustomPathTest extends OpenApiDocumentTest {

    public static class CustomPath implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.two-factor.rest.path", "/api/second-factor");
        }
    }

    @Override
    protected String restPath() {
        return "/api/second-factor";
    }
}
