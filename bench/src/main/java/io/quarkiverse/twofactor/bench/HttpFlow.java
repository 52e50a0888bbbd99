package io.quarkiverse.twofactor.bench;

import java.io.IOException;
import java.net.URI;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's flow over HTTP: request a code, read it from the demo inbox, confirm it, and spend the confirmation on
 * the demo's protected action. Each client thread has its own kept-alive connection.
 */
public final class HttpFlow implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final Queue<KeepAliveConnection> opened = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<KeepAliveConnection> connection;

    public HttpFlow(URI base) {
        this.connection = ThreadLocal.withInitial(() -> {
            KeepAliveConnection made = new KeepAliveConnection(base);
            opened.add(made);
            return made;
        });
    }

    /** Runs one flow and returns the id of the confirmation it spent. */
    public UUID run() throws IOException {
        String recipient = Recipients.next();
        String made = call(201, "POST", "/two-factor/request-confirmation", "{\"recipient\":\"" + recipient + "\"}");
        Matcher found = ID.matcher(made);
        if (!found.find()) {
            throw new IllegalStateException("no id in " + made);
        }
        UUID id = UUID.fromString(found.group(1));
        String code = call(200, "GET", "/demo/inbox/" + recipient, null);
        call(200, "POST", "/two-factor/confirm", "{\"id\":\"" + id + "\",\"code\":\"" + code + "\"}");
        call(200, "POST", "/demo/protected-action/" + id, null);
        return id;
    }

    /** Calls the demo's protected action, which spends the confirmation, and returns the status it answered. */
    public int useConfirmation(UUID id) throws IOException {
        return send("POST", "/demo/protected-action/" + id, null).status();
    }

    /** Sends a request and returns the response body, which must come with the expected status. */
    private String call(int expected, String method, String path, String json) throws IOException {
        KeepAliveConnection.Response response = send(method, path, json);
        if (response.status() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.status() + " instead of "
                    + expected + ": " + response.body());
        }
        return response.body();
    }

    private KeepAliveConnection.Response send(String method, String path, String json) throws IOException {
        KeepAliveConnection current = connection.get();
        try {
            return current.send(method, path, json);
        } catch (IOException | RuntimeException e) {
            // The connection is in an unknown state: the next request opens a new one.
            current.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        for (KeepAliveConnection each : opened) {
            each.close();
        }
    }
}
