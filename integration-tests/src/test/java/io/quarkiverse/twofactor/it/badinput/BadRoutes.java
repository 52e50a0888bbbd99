package io.quarkiverse.twofactor.it.badinput;

import static io.quarkiverse.twofactor.it.badinput.BadBodies.CONFIRM;
import static io.quarkiverse.twofactor.it.badinput.BadBodies.REQUEST_CONFIRMATION;
import static io.quarkiverse.twofactor.it.badinput.BadBodies.RESEND;
import static io.quarkiverse.twofactor.it.badinput.JsonValues.quote;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import io.quarkiverse.twofactor.it.badinput.BadRequest.Expected;

/**
 * Requests that are wrong before their body is read: a path id that is not a UUID, an id nobody issued, a
 * Content-Type other than JSON, a method the endpoint does not have, a path under {@code /two-factor} that is no
 * endpoint.
 */
public final class BadRoutes {

    private static final String CHECK = "/two-factor/confirmations/{id}";
    private static final List<String> ENDPOINTS = List.of(REQUEST_CONFIRMATION, CONFIRM, RESEND, "confirmations");

    private BadRoutes() {
    }

    /** {@code GET /two-factor/confirmations/{id}} with ids that are not UUIDs; answered 400. */
    public static Arbitrary<BadRequest> checkWithMalformedIds() {
        Arbitrary<String> ids = Arbitraries.frequencyOf(
                Tuple.of(3, BadText.almostUuids()),
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(60)),
                Tuple.of(1, BadText.withControlCharacters(BadText.uuids())),
                Tuple.of(1, BadText.longText(37, 300)))
                .filter(id -> !id.equals(".") && !id.equals("..") && !BadText.CANONICAL_UUID.matcher(id).matches());
        return ids.map(id -> new BadRequest("the path id is not a UUID", "GET", CHECK, id, null, null,
                Expected.problem(400)));
    }

    /** Well-formed ids that no confirmation has, on every endpoint that takes an id, with codes of any shape; answered 404. */
    public static Arbitrary<BadRequest> unknownIds() {
        Arbitrary<BadRequest> checks = BadText.uuids().map(id -> new BadRequest("unknown id", "GET", CHECK, id, null,
                null, Expected.problem(404)));
        Arbitrary<BadRequest> confirms = Combinators.combine(BadText.uuids(), BadText.codes(64))
                .as((id, code) -> BadRequest.post("unknown id, code of " + code.length() + " chars", CONFIRM,
                        utf8("{\"id\":" + quote(id) + ",\"code\":" + quote(code) + "}"), 404));
        Arbitrary<BadRequest> resends = BadText.uuids().map(id -> BadRequest.post("unknown id", RESEND,
                utf8("{\"id\":" + quote(id) + "}"), 404));
        return Arbitraries.oneOf(checks, confirms, resends);
    }

    /**
     * Bodies the endpoints would accept, sent with a Content-Type that is not JSON or with none at all: refused with
     * 415 problems, whether the endpoint reads the header or Quarkus cannot parse it as a media type at all.
     */
    public static Arbitrary<BadRequest> withoutJsonContentType(List<BadRequest> acceptable) {
        Arbitrary<String> contentTypes = Arbitraries.frequencyOf(Tuple.of(12, BadText.notJsonMediaTypes()),
                Tuple.of(1, Arbitraries.just("none")));
        return Combinators.combine(Arbitraries.of(acceptable), contentTypes).as((request, contentType) -> request
                .withContentType(contentType.equals("none") ? null : contentType)
                .expecting(Expected.problem(415)));
    }

    /** Methods an endpoint does not have; Quarkus answers 405 before the endpoint runs. */
    public static Arbitrary<BadRequest> wrongMethods() {
        Arbitrary<BadRequest> posts = Combinators.combine(Arbitraries.of(REQUEST_CONFIRMATION, CONFIRM, RESEND),
                Arbitraries.of("GET", "PUT", "DELETE", "PATCH", "HEAD"))
                .as((endpoint, method) -> new BadRequest("wrong method", method, "/two-factor/" + endpoint, null,
                        bodyFor(method), bodyBytesFor(method), Expected.beforeTheEndpoint(405)));
        Arbitrary<BadRequest> checks = Combinators.combine(Arbitraries.oneOf(BadText.uuids(), BadText.almostUuids()),
                Arbitraries.of("POST", "PUT", "DELETE", "PATCH"))
                .as((id, method) -> new BadRequest("wrong method", method, CHECK, id, bodyFor(method),
                        bodyBytesFor(method), Expected.beforeTheEndpoint(405)));
        return Arbitraries.oneOf(posts, checks);
    }

    /**
     * Paths under /two-factor that are no endpoint; Quarkus answers 404, or 405 where a route exists for other
     * methods. A doubled slash may be merged into an endpoint's path, which then refuses the empty body.
     */
    public static Arbitrary<BadRequest> unknownPaths() {
        Arbitrary<String> segments = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').withChars("-_~").ofMinLength(1).ofMaxLength(30)
                .filter(segment -> !ENDPOINTS.contains(segment));
        Arbitrary<String> paths = Arbitraries.oneOf(
                segments.map(segment -> "/two-factor/" + segment),
                Combinators.combine(Arbitraries.of(ENDPOINTS), segments)
                        .as((endpoint, segment) -> "/two-factor/" + endpoint + "/" + segment + "/" + segment),
                BadText.uuids().map(id -> "/two-factor/confirmations/" + id + "/status"),
                Arbitraries.of(ENDPOINTS).map(endpoint -> "/two-factor/" + endpoint.toUpperCase()),
                Arbitraries.of(ENDPOINTS).map(endpoint -> "/two-factors/" + endpoint),
                Arbitraries.of(ENDPOINTS).map(endpoint -> "/two_factor/" + endpoint),
                Arbitraries.of(ENDPOINTS).map(endpoint -> "/Two-Factor/" + endpoint),
                Arbitraries.of(ENDPOINTS).map(endpoint -> "/two-factor//" + endpoint),
                Arbitraries.of(ENDPOINTS).map(endpoint -> "/two-factor/" + endpoint + ".json"),
                Arbitraries.of("/two-factor", "/two-factor/", "/two-factor/confirmations", "/two-factor/confirmations/"));
        return Combinators.combine(paths, Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH"))
                .as((path, method) -> new BadRequest("no such endpoint", method, path, null, bodyFor(method),
                        bodyBytesFor(method), path.contains("//") ? Expected.problem(400).orBeforeTheEndpoint(404, 405)
                                : Expected.beforeTheEndpoint(404, 405)));
    }

    private static String bodyFor(String method) {
        return method.equals("GET") || method.equals("HEAD") ? null : BadRequest.JSON;
    }

    private static byte[] bodyBytesFor(String method) {
        return method.equals("GET") || method.equals("HEAD") ? null : utf8("{}");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
