package io.quarkiverse.twofactor.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A Content-Type that Quarkus REST cannot parse is refused before the endpoint method runs: the extension's endpoints
 * still answer with a problem body, while the application's own endpoints keep Quarkus's answer.
 */
@QuarkusTest
class ContentTypeProblemTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI root;

    /** Values Quarkus REST cannot parse: it refuses them before the endpoint, with an empty 400 of its own. */
    @ParameterizedTest
    @ValueSource(strings = { ";;;", "/", "=", "application/", "/json", "application/json/x; charset=utf-8" })
    void unparsableContentTypeGetsAProblemBody(String contentType) throws Exception {
        for (String endpoint : new String[] { "request-confirmation", "confirm", "resend" }) {
            HttpResponse<String> answer = post("two-factor/" + endpoint, contentType);

            assertEquals(415, answer.statusCode(), () -> endpoint + ": " + answer.body());
            assertThat(answer.headers().firstValue("Content-Type").orElse(""), startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(answer.body());
            assertEquals("urn:quarkus-two-factor:problem:unsupported-media-type", problem.path("type").asText());
            assertEquals(415, problem.path("status").asInt());
            assertEquals("The Content-Type header cannot be parsed; send application/json",
                    problem.path("detail").asText());
        }
    }

    /** Values Quarkus REST parses, so that the endpoint refuses them: JSON with a broken or foreign charset. */
    @ParameterizedTest
    @ValueSource(strings = { "application/json; charset=", "application/json;;=;", "application/json; charset=\"utf-8",
            "application/json; charset=latin1", "application/json; =utf-8", "application/json; charset" })
    void jsonWithAMalformedOrForeignCharsetIsRefusedWithAProblemBody(String contentType) throws Exception {
        for (String endpoint : new String[] { "request-confirmation", "confirm", "resend" }) {
            HttpResponse<String> answer = post("two-factor/" + endpoint, contentType);

            assertEquals(415, answer.statusCode(), () -> endpoint + ": " + answer.body());
            JsonNode problem = JSON.readTree(answer.body());
            assertEquals("urn:quarkus-two-factor:problem:unsupported-media-type", problem.path("type").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"",
            "application/json;; charset=utf-8;", "application/json; x=y" })
    void jsonWithWellFormedParametersIsRead(String contentType) throws Exception {
        assertEquals(201, post("two-factor/request-confirmation", contentType).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = { ";;;", "/", "=" })
    void applicationEndpointsKeepQuarkusAnswer(String contentType) throws Exception {
        HttpResponse<String> answer = post("test/echo", contentType);

        assertEquals(400, answer.statusCode());
        assertEquals("", answer.body());
    }

    private HttpResponse<String> post(String path, String contentType) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(root.resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString("{\"recipient\":\"" + Api.freshRecipient() + "\"}",
                        StandardCharsets.UTF_8))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
