package io.quarkiverse.twofactor.deployment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Calls the extension's Dev UI JSON-RPC methods as the card does: over the Dev UI's WebSocket, with the JDK's own
 * client so that nothing of the dev-mode application's class loaders is involved.
 */
final class DevUiJsonRpc {

    /** The namespace of the extension's methods: its runtime artifact's id. */
    private static final String NAMESPACE = "quarkus-two-factor";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();

    private DevUiJsonRpc() {
    }

    /** The result of a method that takes no parameters, from the application listening on this local port. */
    static JsonNode call(int port, String method) throws Exception {
        int id = IDS.incrementAndGet();
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id)
                .put("method", NAMESPACE + "_" + method);
        request.putObject("params");
        URI endpoint = URI.create("ws://localhost:" + port + "/q/dev-ui/json-rpc-ws");
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(endpoint, new AnswerListener(id, answer))
                .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        try {
            socket.sendText(JSON.writeValueAsString(request), true).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            JsonNode message = answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            if (message.has("error")) {
                throw new AssertionError("JSON-RPC " + method + " failed: " + message.get("error"));
            }
            JsonNode result = message.get("result");
            // Answers wrap the method's value with the kind of message it is.
            return result.has("object") ? result.get("object") : result;
        } finally {
            socket.abort();
        }
    }

    /** Collects text frames until one whole message answers the request's id; the Dev UI also sends others. */
    private static final class AnswerListener implements WebSocket.Listener {

        private final int id;
        private final CompletableFuture<JsonNode> answer;
        private final StringBuilder frames = new StringBuilder();

        AnswerListener(int id, CompletableFuture<JsonNode> answer) {
            this.id = id;
            this.answer = answer;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            frames.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(frames.toString());
                    if (message.path("id").asInt(-1) == id) {
                        answer.complete(message);
                    }
                } catch (Exception e) {
                    answer.completeExceptionally(e);
                }
                frames.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            answer.completeExceptionally(error);
        }
    }
}
