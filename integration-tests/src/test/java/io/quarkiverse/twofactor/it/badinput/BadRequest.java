package io.quarkiverse.twofactor.it.badinput;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;

/**
 * One generated request that the application must refuse, and how it may refuse it.
 *
 * @param defect what is wrong with it, for the failure message
 * @param method the HTTP method
 * @param path the path, with an <code>{id}</code> template when {@code id} is set
 * @param id the path parameter, percent-encoded on the way out (see {@link #encodedPath()}); or {@code null}
 * @param contentType the Content-Type header, or {@code null} for none
 * @param body the body bytes, or {@code null} for none
 * @param expected the answers that count as a correct refusal
 */
public record BadRequest(String defect, String method, String path, String id, String contentType, byte[] body,
        Expected expected) {

    public static final String JSON = "application/json";

    /**
     * The statuses a correct refusal may have.
     *
     * @param problemStatuses statuses the endpoint itself may answer with, always as application/problem+json
     * @param beforeEndpointStatuses statuses Quarkus may answer with before the endpoint runs, in its own format
     */
    public record Expected(Set<Integer> problemStatuses, Set<Integer> beforeEndpointStatuses) {

        public static Expected problem(Integer... statuses) {
            return new Expected(Set.of(statuses), Set.of());
        }

        public static Expected beforeTheEndpoint(Integer... statuses) {
            return new Expected(Set.of(), Set.of(statuses));
        }

        public Expected orBeforeTheEndpoint(Integer... statuses) {
            return new Expected(problemStatuses, Set.of(statuses));
        }

        @Override
        public String toString() {
            return (problemStatuses.isEmpty() ? "" : "problem+json " + problemStatuses)
                    + (problemStatuses.isEmpty() || beforeEndpointStatuses.isEmpty() ? "" : " or ")
                    + (beforeEndpointStatuses.isEmpty() ? "" : "Quarkus's own " + beforeEndpointStatuses);
        }
    }

    /** A JSON POST to one of the endpoints, to be refused with a problem of the given status. */
    public static BadRequest post(String defect, String endpoint, byte[] body, int status) {
        return new BadRequest(defect, "POST", "/two-factor/" + endpoint, null, JSON, body, Expected.problem(status));
    }

    public BadRequest withContentType(String value) {
        return new BadRequest(defect, method, path, id, value, body, expected);
    }

    public BadRequest expecting(Expected value) {
        return new BadRequest(defect, method, path, id, contentType, body, value);
    }

    /** The path with the id percent-encoded byte by byte, all but unreserved characters; {@code path} without an id. */
    public String encodedPath() {
        if (id == null) {
            return path;
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", (int) c));
            }
        }
        return path.replace("{id}", encoded);
    }

    /** The request in one line, short enough to read: non-UTF-8 bodies in hex, long ones cut. */
    public String describe() {
        StringBuilder out = new StringBuilder(defect).append(": ").append(method).append(' ')
                .append(id == null ? path : path.replace("{id}", printable(id, 120)));
        out.append(" [Content-Type: ").append(contentType == null ? "none" : printable(contentType, 80)).append(']');
        if (body != null) {
            out.append(" body (").append(body.length).append(" bytes): ");
            try {
                String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
                out.append(printable(text, 300));
            } catch (CharacterCodingException e) {
                out.append("hex ").append(HexFormat.of().formatHex(body, 0, Math.min(body.length, 150)))
                        .append(body.length > 150 ? "..." : "");
            }
        }
        return out.toString();
    }

    private static String printable(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(c >= ' ' && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return text.length() > max ? out + "..." : out.toString();
    }
}
