package io.quarkiverse.twofactor.twilio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpClient.Version;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.HttpUtility;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The Twilio SDK's HTTP transport for one sender, over the JDK's HTTP client. It exists for three things the SDK's own
 * {@code NetworkHttpClient} does not do:
 * <ul>
 * <li>reach another base URL: the SDK always builds {@code https://api.twilio.com/...}, so the scheme, host and port
 * of every request are replaced by those of {@code api-base-url} (whose path, if any, is put before the request's);
 * <li>honour the sender's timeouts: {@code NetworkHttpClient} puts its own 30.5 s connect timeout on every request;
 * <li>make one exchange per call: the SDK repeats 5xx answers three more times, while retries belong to the sender's
 * {@code retry} settings.
 * </ul>
 * An error answer reaches the SDK with {@code status} set to the real HTTP status, whatever its body was, so that the
 * {@link ApiException} the SDK throws always says whether the failure was a 4xx, a 429 or a 5xx.
 * <p>
 * Nothing here logs, and no exception message carries the Authorization header or the form body.
 */
final class TwilioHttpClient extends HttpClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final Duration readTimeout;
    private final Duration deadline;
    private final java.net.http.HttpClient http;

    TwilioHttpClient(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        this.baseUrl = baseUrl;
        this.readTimeout = readTimeout;
        this.deadline = connectTimeout.plus(readTimeout);
        this.http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(Version.HTTP_1_1)
                .followRedirects(Redirect.NEVER)
                .build();
    }

    /** One exchange, whatever retries the SDK asks for. */
    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        URI target = rebase(request.constructURL());
        HttpRequest.Builder exchange = HttpRequest.newBuilder(target)
                .timeout(readTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", HttpUtility.getUserAgentString(request.getUserAgentExtensions(), true));
        if (request.requiresAuthentication()) {
            exchange.header("Authorization", request.getAuthString());
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            header.getValue().forEach(value -> exchange.header(header.getKey(), value));
        }
        addBody(request, exchange);
        HttpResponse<byte[]> response = send(exchange.build(), target);
        int status = response.statusCode();
        byte[] body = status >= 200 && status < 300 ? response.body() : withStatus(response.body(), status);
        return new Response(new ByteArrayInputStream(body), status, headers(response));
    }

    /** The request's path and query under the base URL's scheme, host, port and path. */
    private URI rebase(URL url) {
        String basePath = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath().replaceAll("/+$", "");
        try {
            return new URI(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + basePath + url.getFile());
        } catch (URISyntaxException e) {
            throw new ApiException("A Twilio API path cannot be put under " + baseUrl, e);
        }
    }

    private static void addBody(Request request, HttpRequest.Builder exchange) {
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.DELETE) {
            exchange.method(method.toString(), BodyPublishers.noBody());
            return;
        }
        EnumConstants.ContentType type = request.getContentType() == null
                ? EnumConstants.ContentType.FORM_URLENCODED
                : request.getContentType();
        BodyPublisher body;
        if (type == EnumConstants.ContentType.JSON) {
            body = BodyPublishers.ofString(request.getBody() == null ? "" : request.getBody(), StandardCharsets.UTF_8);
        } else if (type == EnumConstants.ContentType.FORM_URLENCODED) {
            body = BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8);
        } else {
            throw new ApiException("The two-factor Twilio transport does not send " + type.getValue() + " bodies");
        }
        exchange.header("Content-Type", type.getValue()).method(method.toString(), body);
    }

    /**
     * Sends within the connect and read timeouts together: the JDK's request timeout covers the wait for the answer's
     * headers, this deadline also a body that never ends.
     */
    private HttpResponse<byte[]> send(HttpRequest request, URI target) {
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, BodyHandlers.ofByteArray());
        try {
            return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw unreachable(target, new HttpTimeoutException("no complete answer within " + deadline));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw unreachable(target, io);
            }
            throw new ApiException("The request to the Twilio API failed", e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw unreachable(target, new IOException("interrupted while waiting for the answer"));
        }
    }

    private static ApiConnectionException unreachable(URI target, IOException cause) {
        return new ApiConnectionException("The Twilio API at " + target.getScheme() + "://" + target.getRawAuthority()
                + " could not be reached: " + cause.getClass().getSimpleName(), cause);
    }

    /** The error body as a JSON object whose {@code status} is the HTTP status. */
    private static byte[] withStatus(byte[] body, int status) {
        ObjectNode error;
        try {
            JsonNode parsed = body.length == 0 ? null : JSON.readTree(body);
            error = parsed instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (IOException e) {
            error = JSON.createObjectNode();
        }
        if (!error.hasNonNull("message")) {
            error.put("message", "HTTP " + status + " without a Twilio error");
        }
        error.put("status", status);
        try {
            return JSON.writeValueAsBytes(error);
        } catch (IOException e) {
            throw new ApiException("An error answer could not be re-encoded", e);
        }
    }

    private static Header[] headers(HttpResponse<?> response) {
        List<Header> headers = new ArrayList<>();
        response.headers().map().forEach((name, values) -> values.forEach(v -> headers.add(new BasicHeader(name, v))));
        return headers.toArray(Header[]::new);
    }
}
