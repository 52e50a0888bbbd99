package io.quarkiverse.twofactor.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's flow over HTTP: request a code, read it from the demo inbox, confirm it, and spend the confirmation on
 * the demo's protected action.
 */
public final class HttpFlow {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public HttpFlow(URI base) {
        this.base = base;
    }

    /** Runs one flow and returns the id of the confirmation it spent. */
    public UUID run() throws IOException, InterruptedException {
        String recipient = Recipients.next();
        String made = expect(201, post("/two-factor/request-confirmation", "{\"recipient\":\"" + recipient + "\"}"));
        Matcher id = ID.matcher(made);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + made);
        }
        String code = expect(200, send(HttpRequest.newBuilder(base.resolve("/demo/inbox/" + recipient)).GET()));
        expect(200, post("/two-factor/confirm", "{\"id\":\"" + id.group(1) + "\",\"code\":\"" + code + "\"}"));
        expect(200, useConfirmation(UUID.fromString(id.group(1))));
        return UUID.fromString(id.group(1));
    }

    /** Calls the demo's protected action, which spends the confirmation. */
    public HttpResponse<String> useConfirmation(UUID id) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/demo/protected-action/" + id))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode() + " instead of " + status + ": " + response.body());
        }
        return response.body();
    }
}
