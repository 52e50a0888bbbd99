package io.quarkiverse.twofactor.it.badinput;

import static io.quarkiverse.twofactor.it.badinput.JsonValues.quote;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

import io.quarkiverse.twofactor.it.badinput.JsonValues.Json;
import io.quarkiverse.twofactor.it.badinput.JsonValues.Kind;
import io.quarkiverse.twofactor.it.badinput.JsonValues.Member;

/**
 * Request bodies for the three POST endpoints, each with at least one defect the endpoint checks before it reads or
 * writes a confirmation: one field wrong (missing, null, wrong type, blank, too long, control characters, not
 * Unicode), or the body wrong as a whole (not an object, not JSON, duplicated keys, too deep, too big, not UTF-8).
 */
public final class BadBodies {

    public static final String REQUEST_CONFIRMATION = "request-confirmation";
    public static final String CONFIRM = "confirm";
    public static final String RESEND = "resend";

    /** The body limit of the endpoints. */
    public static final int MAX_BYTES = 16 * 1024;
    /** Stands in a string for invalid UTF-8 bytes, spliced in once the body is bytes. */
    private static final String NOT_UTF8 = "~~not-utf-8~~";
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private BadBodies() {
    }

    /** A JSON object still being assembled: members in order, duplicates allowed. */
    private record Body(List<Member> members) {

        Body with(String name, String valueJson) {
            List<Member> changed = new ArrayList<>(members);
            Member member = Member.of(name, valueJson);
            int at = indexOf(name);
            if (at < 0) {
                changed.add(member);
            } else {
                changed.set(at, member);
            }
            return new Body(changed);
        }

        Body without(String name) {
            List<Member> changed = new ArrayList<>(members);
            changed.removeIf(member -> member.key().equals(quote(name)));
            return new Body(changed);
        }

        Body inserting(Member member, double where) {
            List<Member> changed = new ArrayList<>(members);
            changed.add((int) Math.round(where * changed.size()), member);
            return new Body(changed);
        }

        String text() {
            return JsonValues.object(members);
        }

        private int indexOf(String name) {
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i).key().equals(quote(name))) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** A body with its defect, not yet addressed to an endpoint. */
    private record Defective(String defect, byte[] body) {

        static Defective of(String defect, String text) {
            return new Defective(defect, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A field value with what is wrong with it; {@code json == null} leaves the field out. */
    private record FieldValue(String defect, String json) {
    }

    /** Refused bodies for {@code POST /two-factor/request-confirmation}. */
    public static Arbitrary<BadRequest> requestConfirmation() {
        Arbitrary<Body> valid = validRequestConfirmation();
        return addressed(REQUEST_CONFIRMATION, Arbitraries.frequencyOf(
                Tuple.of(3, withField(valid, "recipient", requiredText(BadText.recipients(),
                        BadText.longText(321, 4000), true))),
                Tuple.of(2, withField(valid, "sender", senderDefects())),
                Tuple.of(3, withMetaDefect(valid)),
                Tuple.of(5, wholeBodyDefects(valid))));
    }

    /**
     * Refused bodies for {@code POST /two-factor/confirm}: the id or the code is wrong, or the body is. The ids of
     * the bodies whose only defect is the code are drawn from {@code pendingIds} as well, so that a code checked too
     * late would count as an attempt and show.
     */
    public static Arbitrary<BadRequest> confirm(List<String> pendingIds) {
        Arbitrary<Body> valid = Combinators.combine(ids(pendingIds), BadText.codes(6), optionalExtraMember())
                .as((id, code, extra) -> withExtra(new Body(List.of()).with("id", quote(id)).with("code", quote(code)),
                        extra));
        // A code with control characters is only a wrong code: it is compared, never stored or logged.
        Arbitrary<FieldValue> codeDefects = requiredText(BadText.codes(64), BadText.codes(64)
                .flatMap(code -> BadText.longText(65 - code.length(), 5000).map(more -> code + more)), false);
        return addressed(CONFIRM, Arbitraries.frequencyOf(
                Tuple.of(3, withField(valid, "id", idDefects())),
                Tuple.of(3, withField(valid, "code", codeDefects)),
                Tuple.of(4, wholeBodyDefects(valid))));
    }

    /** Refused bodies for {@code POST /two-factor/resend}: the id is wrong, or the body is. */
    public static Arbitrary<BadRequest> resend(List<String> pendingIds) {
        Arbitrary<Body> valid = Combinators.combine(ids(pendingIds), optionalExtraMember())
                .as((id, extra) -> withExtra(new Body(List.of()).with("id", quote(id)), extra));
        return addressed(RESEND, Arbitraries.frequencyOf(
                Tuple.of(1, withField(valid, "id", idDefects())),
                Tuple.of(1, wholeBodyDefects(valid))));
    }

    /** A well-formed request-confirmation body for a fresh recipient, which the endpoint would accept. */
    public static byte[] validRequestConfirmation(String recipient) {
        return new Body(List.of()).with("recipient", quote(recipient)).text().getBytes(StandardCharsets.UTF_8);
    }

    private static Arbitrary<BadRequest> addressed(String endpoint, Arbitrary<Defective> bodies) {
        Arbitrary<String> jsonTypes = Arbitraries.of(BadRequest.JSON, "application/json; charset=utf-8",
                "Application/JSON", "application/json;charset=UTF-8");
        return Combinators.combine(bodies, jsonTypes).as((defective, contentType) -> BadRequest
                .post(defective.defect(), endpoint, defective.body(), 400).withContentType(contentType));
    }

    private static Arbitrary<Body> validRequestConfirmation() {
        Arbitrary<String> senders = Arbitraries.of("", "null", quote("default"), quote("log"), quote("broken"));
        Arbitrary<String> metas = Arbitraries.oneOf(Arbitraries.of("", "null", "{}"), validMeta(1, 4));
        return Combinators.combine(senders, BadText.recipients(), metas, optionalExtraMember())
                .as((sender, recipient, meta, extra) -> {
                    Body body = new Body(List.of());
                    body = sender.isEmpty() ? body : body.with("sender", sender);
                    body = body.with("recipient", quote(recipient));
                    body = meta.isEmpty() ? body : body.with("meta", meta);
                    return withExtra(body, extra);
                });
    }

    private static Arbitrary<String> validMeta(int minEntries, int maxEntries) {
        Arbitrary<String> names = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> values = Arbitraries.strings().alpha().numeric().ofMaxLength(20);
        return Arbitraries.maps(names, values).ofMinSize(minEntries).ofMaxSize(maxEntries).map(BadBodies::metaJson);
    }

    private static String metaJson(Map<String, String> meta) {
        List<Member> members = new ArrayList<>();
        meta.forEach((name, value) -> members.add(Member.of(name, quote(value))));
        return JsonValues.object(members);
    }

    /** The value of an unknown member the endpoints ignore, or "" for none; so that bodies are not all alike. */
    private static Arbitrary<String> optionalExtraMember() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")), Tuple.of(1, JsonValues.any().map(Json::text)));
    }

    private static Body withExtra(Body body, String extra) {
        return extra.isEmpty() ? body : body.with("extra", extra);
    }

    private static Arbitrary<String> ids(List<String> pendingIds) {
        return pendingIds.isEmpty() ? BadText.uuids()
                : Arbitraries.oneOf(BadText.uuids(), Arbitraries.of(pendingIds));
    }

    private static Arbitrary<Defective> withField(Arbitrary<Body> valid, String name, Arbitrary<FieldValue> values) {
        return Combinators.combine(valid, values).as((body, value) -> {
            Body changed = value.json() == null ? body.without(name) : body.with(name, value.json());
            return new Defective("'" + name + "' " + value.defect(), spliceNotUtf8(changed.text(), null));
        }).flatMap(BadBodies::spliceInvalidUtf8IfMarked);
    }

    /** A required string field: left out, null, of another type, blank, too long, with control characters, not Unicode. */
    private static Arbitrary<FieldValue> requiredText(Arbitrary<String> validTexts, Arbitrary<String> tooLong,
            boolean controlCharactersRefused) {
        List<Tuple2<Integer, Arbitrary<FieldValue>>> defects = new ArrayList<>(List.of(
                Tuple.of(1, Arbitraries.just(new FieldValue("missing", null))),
                Tuple.of(1, Arbitraries.just(new FieldValue("null", "null"))),
                Tuple.of(3, wrongType(Kind.STRING, Kind.NULL)),
                Tuple.of(2, BadText.blanks().map(blank -> new FieldValue("blank", quote(blank)))),
                Tuple.of(2, tooLong.map(text -> new FieldValue("too long (" + text.length() + " chars)", quote(text)))),
                Tuple.of(1, BadText.withLoneSurrogate(validTexts)
                        .map(text -> new FieldValue("with a lone surrogate", quote(text)))),
                Tuple.of(2, validTexts.map(text -> new FieldValue("with invalid UTF-8",
                        quote(text.substring(0, text.length() / 2) + NOT_UTF8 + text.substring(text.length() / 2)))))));
        if (controlCharactersRefused) {
            defects.add(Tuple.of(2, BadText.withControlCharacters(validTexts)
                    .map(text -> new FieldValue("with a control character", quote(text)))));
            defects.add(Tuple.of(2, BadText.withFormatCharacters(validTexts)
                    .map(text -> new FieldValue("with a format character or line separator", quote(text)))));
            defects.add(Tuple.of(1, BadText.invisibleOnly()
                    .map(text -> new FieldValue("of invisible characters only", quote(text)))));
        }
        return Arbitraries.frequencyOf(defects);
    }

    private static Arbitrary<FieldValue> wrongType(Kind... allowed) {
        return JsonValues.anyBut(allowed).map(json -> new FieldValue("is " + article(json.kind()), json.text()));
    }

    private static Arbitrary<FieldValue> senderDefects() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, wrongType(Kind.STRING, Kind.NULL)),
                Tuple.of(4, BadText.unknownSenders().map(key -> new FieldValue("is an unknown key", quote(key)))),
                Tuple.of(1, Arbitraries.of(BadText.KNOWN_SENDERS).map(key -> new FieldValue("with invalid UTF-8",
                        quote(key + NOT_UTF8)))));
    }

    private static Arbitrary<FieldValue> idDefects() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(new FieldValue("missing", null))),
                Tuple.of(1, Arbitraries.just(new FieldValue("null", "null"))),
                Tuple.of(2, wrongType(Kind.STRING, Kind.NULL)),
                Tuple.of(1, BadText.blanks().map(blank -> new FieldValue("blank", quote(blank)))),
                Tuple.of(8, BadText.almostUuids().map(id -> new FieldValue("is almost a UUID", quote(id)))),
                Tuple.of(1, BadText.withControlCharacters(BadText.uuids())
                        .map(id -> new FieldValue("with a control character", quote(id)))),
                Tuple.of(1, BadText.withLoneSurrogate(BadText.uuids())
                        .map(id -> new FieldValue("with a lone surrogate", quote(id)))),
                Tuple.of(1, BadText.uuids().map(id -> new FieldValue("with invalid UTF-8",
                        quote(id.substring(0, 9) + NOT_UTF8 + id.substring(9))))));
    }

    private static Arbitrary<Defective> withMetaDefect(Arbitrary<Body> valid) {
        Arbitrary<String> names = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> values = Arbitraries.strings().alpha().numeric().ofMaxLength(20);
        Arbitrary<FieldValue> defects = Arbitraries.frequencyOf(
                Tuple.of(2, wrongType(Kind.OBJECT, Kind.NULL)),
                Tuple.of(3, Combinators.combine(validMeta(0, 3), names, Arbitraries.integers().between(5, 12))
                        .as((meta, name, depth) -> new FieldValue("nests deeper than 4 levels",
                                addMember(meta, Member.of(name, nested(depth)))))),
                Tuple.of(1, validMeta(17, 40).map(meta -> new FieldValue("has more than 16 entries", meta))),
                Tuple.of(1, values.map(value -> new FieldValue("has an empty key", "{\"\":" + quote(value) + "}"))),
                Tuple.of(1, BadText.longText(65, 300).map(name -> new FieldValue("has a key over 64 chars",
                        "{" + quote(name) + ":\"x\"}"))),
                Tuple.of(1, BadText.longText(257, 3000).map(value -> new FieldValue("has a value over 256 chars",
                        "{\"note\":" + quote(value) + "}"))),
                Tuple.of(1, BadText.withControlCharacters(names).map(name -> new FieldValue(
                        "has a key with a control character", "{" + quote(name) + ":\"x\"}"))),
                Tuple.of(1, BadText.withControlCharacters(values).map(value -> new FieldValue(
                        "has a value with a control character", "{\"note\":" + quote(value) + "}"))),
                Tuple.of(1, BadText.withLoneSurrogate(values).map(value -> new FieldValue(
                        "has a value with a lone surrogate", "{\"note\":" + quote(value) + "}"))),
                Tuple.of(1, BadText.withLoneSurrogate(names).map(name -> new FieldValue(
                        "has a key with a lone surrogate", "{" + quote(name) + ":\"x\"}"))),
                Tuple.of(1, Combinators.combine(names, values, values).as((name, first, second) -> new FieldValue(
                        "has a duplicated key", "{" + quote(name) + ":" + quote(first) + "," + quote(name) + ":"
                                + quote(second) + "}"))),
                Tuple.of(1, values.map(value -> new FieldValue("has invalid UTF-8",
                        "{\"note\":" + quote(value + NOT_UTF8) + "}"))));
        return withField(valid, "meta", defects);
    }

    /** Lists and objects inside each other {@code depth} levels deep. */
    private static String nested(int depth) {
        String json = "1";
        for (int level = 0; level < depth; level++) {
            json = level % 2 == 0 ? "[" + json + "]" : "{\"n\":" + json + "}";
        }
        return json;
    }

    private static String addMember(String objectJson, Member member) {
        return objectJson.equals("{}") ? "{" + member.text() + "}"
                : objectJson.substring(0, objectJson.length() - 1) + "," + member.text() + "}";
    }

    /** Defects of the body as a whole, made from a body that would otherwise pass. */
    private static Arbitrary<Defective> wholeBodyDefects(Arbitrary<Body> valid) {
        return Arbitraries.frequencyOf(
                Tuple.of(2, notAnObject()),
                Tuple.of(2, truncated(valid)),
                Tuple.of(1, trailingJunk(valid)),
                Tuple.of(3, brokenSyntax(valid)),
                Tuple.of(2, duplicatedKey(valid)),
                Tuple.of(2, tooDeep(valid)),
                Tuple.of(1, tooBig(valid)),
                Tuple.of(3, invalidUtf8(valid)),
                Tuple.of(1, otherEncodings(valid)));
    }

    private static Arbitrary<Defective> notAnObject() {
        return Arbitraries.oneOf(
                JsonValues.anyBut(Kind.OBJECT).map(json -> Defective.of("the body is " + article(json.kind()),
                        json.text())),
                Arbitraries.of("", " ", "\n\t ", "\r\n").map(text -> Defective.of("the body is empty", text)));
    }

    private static Arbitrary<Defective> truncated(Arbitrary<Body> valid) {
        return valid.map(body -> body.text().getBytes(StandardCharsets.UTF_8)).flatMap(bytes -> Arbitraries
                .integers().between(0, bytes.length - 1)
                .map(length -> new Defective("the body is cut after " + length + " of " + bytes.length + " bytes",
                        Arrays.copyOf(bytes, length))));
    }

    private static Arbitrary<Defective> trailingJunk(Arbitrary<Body> valid) {
        Arbitrary<String> junk = Arbitraries.of("}", "]", ",", "x", "{}", "[]", "1", "\"a\"", "null", "//", "/*",
                "\u0000", ":", "{\"recipient\":\"b@example.com\"}");
        return Combinators.combine(valid, junk, Arbitraries.of("", " ", "\n"))
                .as((body, tail, gap) -> Defective.of("the body goes on after the object", body.text() + gap + tail));
    }

    private static Arbitrary<Defective> brokenSyntax(Arbitrary<Body> valid) {
        Arbitrary<String> fragments = Arbitraries.of("'recipient':\"x\"", "recipient:\"x\"", "\"a\" 1", "\"a\"::1",
                "\"a\":01", "\"a\":0x1F", "\"a\":NaN", "\"a\":Infinity", "\"a\":-Infinity", "\"a\":+1", "\"a\":.5",
                "\"a\":1.", "\"a\":1e", "\"a\":-", "\"a\":\"\\q\"", "\"a\":\"\\u12G4\"", "\"a\":\"\\ud83\"",
                "\"a\":\"tab\tinside\"", "\"a\":\"nul\u0000inside\"", "\"a\":\"line\nbreak\"", "/*c*/\"a\":1",
                "// c\n\"a\":1", "\"a\":tru", "\"a\":nul", "\"a\":True", "\"a\":[1,2}", "\"a\":{\"b\":1",
                "\"a\":\"unterminated", "\"a\":1,", ",", "\"a\"", ":1", "\"a\":", "\"a\":[,]", "\"a\":[1,]",
                "\"a\":undefined", "\"a\":'x'", "\"a\u00a0\":1 \u00a0", "\"a\":1\u2028");
        return Combinators.combine(valid, fragments, Arbitraries.doubles().between(0, 1))
                .as((body, fragment, where) -> {
                    String text = body.inserting(Member.raw(fragment), where).text();
                    return Defective.of("the body has broken syntax " + quote(fragment), text);
                });
    }

    private static Arbitrary<Defective> duplicatedKey(Arbitrary<Body> valid) {
        return Combinators.combine(valid, JsonValues.any(), Arbitraries.integers().between(0, 3),
                Arbitraries.doubles().between(0, 1))
                .as((body, other, how, where) -> {
                    Member original = body.members().get((int) (where * (body.members().size() - 1)));
                    String name = original.key();
                    String key = switch (how) {
                        case 0 -> name;
                        case 1 -> escapedFirstLetter(name);
                        default -> name;
                    };
                    String value = how == 2 ? original.value() : other.text();
                    if (how == 3) {
                        key = "\"twice\"";
                        body = body.inserting(new Member(key, "1"), 0);
                    }
                    return Defective.of("the key " + key + " appears twice",
                            body.inserting(new Member(key, value), where).text());
                });
    }

    private static String escapedFirstLetter(String quotedKey) {
        char first = quotedKey.charAt(1);
        if (first == '\\' || first == '"') {
            return quotedKey;
        }
        return "\"" + String.format("\\u%04x", (int) first) + quotedKey.substring(2);
    }

    private static Arbitrary<Defective> tooDeep(Arbitrary<Body> valid) {
        Arbitrary<Integer> depths = Arbitraries.oneOf(Arbitraries.of(17, 18, 100, 1_000, 5_000, 10_000),
                Arbitraries.integers().between(17, 10_000));
        return Combinators.combine(valid, depths, Arbitraries.integers().between(0, 4))
                .as((body, depth, form) -> switch (form) {
                    case 0 -> Defective.of(depth + " levels of [", "[".repeat(depth));
                    case 1 -> Defective.of(depth + " levels of {", "{".repeat(depth));
                    case 2 -> Defective.of(depth + " levels of closed arrays", "[".repeat(depth) + "]".repeat(depth));
                    case 3 -> Defective.of(depth + " levels of objects", "{\"a\":".repeat(depth) + "1"
                            + "}".repeat(depth));
                    default -> Defective.of("a member nested " + depth + " levels deep",
                            body.with("deep", "[".repeat(depth) + "]".repeat(depth)).text());
                });
    }

    private static Arbitrary<Defective> tooBig(Arbitrary<Body> valid) {
        Arbitrary<Integer> sizes = Arbitraries.oneOf(Arbitraries.of(MAX_BYTES + 1, MAX_BYTES + 2, 2 * MAX_BYTES),
                Arbitraries.integers().between(MAX_BYTES + 1, 256 * 1024));
        return Combinators.combine(valid, sizes, Arbitraries.integers().between(0, 2))
                .as((body, size, form) -> {
                    String text = body.text();
                    int missing = Math.max(0, size - text.getBytes(StandardCharsets.UTF_8).length);
                    return switch (form) {
                        case 0 -> Defective.of(size + " bytes, padded with white space",
                                "{" + " ".repeat(missing) + text.substring(1));
                        case 1 -> Defective.of(size + " bytes, padded with an unknown member",
                                body.with("padding", quote("p".repeat(missing))).text());
                        default -> Defective.of(size + " bytes of nested arrays",
                                "[".repeat(size / 2) + "]".repeat(size - size / 2));
                    };
                });
    }

    private static Arbitrary<Defective> invalidUtf8(Arbitrary<Body> valid) {
        return Combinators.combine(valid, invalidUtf8Sequences(), Arbitraries.integers().between(0, 2),
                Arbitraries.doubles().between(0, 1))
                .as((body, bytes, where, at) -> {
                    Member member = body.members().get((int) (at * (body.members().size() - 1)));
                    String marked = switch (where) {
                        case 0 -> body.with("note", quote("x" + NOT_UTF8 + "y")).text();
                        case 1 -> body.inserting(new Member(quote("k" + NOT_UTF8), "1"), at).text();
                        default -> "{" + NOT_UTF8 + body.text().substring(1);
                    };
                    String place = switch (where) {
                        case 0 -> "in a string";
                        case 1 -> "in a key";
                        default -> "between tokens, next to " + member.key();
                    };
                    return new Defective("invalid UTF-8 " + HexFormat.of().formatHex(bytes) + " " + place,
                            spliceNotUtf8(marked, bytes));
                });
    }

    /** Byte sequences no UTF-8 decoder may accept. */
    static Arbitrary<byte[]> invalidUtf8Sequences() {
        Function<int[], byte[]> bytes = values -> {
            byte[] out = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = (byte) values[i];
            }
            return out;
        };
        Arbitrary<Integer> continuation = Arbitraries.integers().between(0x80, 0xbf);
        return Arbitraries.oneOf(
                continuation.map(c -> bytes.apply(new int[] { c })),
                Combinators.combine(Arbitraries.of(0xc0, 0xc1), continuation)
                        .as((lead, c) -> bytes.apply(new int[] { lead, c })),
                Combinators.combine(Arbitraries.integers().between(0x80, 0x9f), continuation)
                        .as((second, c) -> bytes.apply(new int[] { 0xe0, second, c })),
                Combinators.combine(Arbitraries.integers().between(0x80, 0x8f), continuation, continuation)
                        .as((second, c, d) -> bytes.apply(new int[] { 0xf0, second, c, d })),
                Combinators.combine(Arbitraries.integers().between(0xa0, 0xbf), continuation)
                        .as((second, c) -> bytes.apply(new int[] { 0xed, second, c })),
                Combinators.combine(Arbitraries.integers().between(0x90, 0xbf), continuation, continuation)
                        .as((second, c, d) -> bytes.apply(new int[] { 0xf4, second, c, d })),
                Combinators.combine(Arbitraries.integers().between(0xf5, 0xff), continuation, continuation)
                        .as((lead, c, d) -> bytes.apply(new int[] { lead, c, d, 0x80 })),
                Arbitraries.of(new int[] { 0xc3 }, new int[] { 0xe2, 0x82 }, new int[] { 0xf0, 0x9f, 0x98 },
                        new int[] { 0xfe, 0xff }, new int[] { 0xef, 0xbf }).map(bytes));
    }

    private static Arbitrary<Defective> otherEncodings(Arbitrary<Body> valid) {
        return Combinators.combine(valid, Arbitraries.integers().between(0, 5)).as((body, form) -> {
            String text = body.with("name", quote("Ren\u00e9e")).text();
            return switch (form) {
                case 0 -> new Defective("UTF-16BE with a byte order mark", encode("\ufeff" + text, StandardCharsets.UTF_16BE));
                case 1 -> new Defective("UTF-16LE", encode(text, StandardCharsets.UTF_16LE));
                case 2 -> new Defective("UTF-16BE", encode(text, StandardCharsets.UTF_16BE));
                case 3 -> new Defective("UTF-32BE", encode(text, UTF_32BE));
                case 4 -> new Defective("UTF-32LE", encode(text, UTF_32LE));
                default -> new Defective("ISO-8859-1", encode(text, StandardCharsets.ISO_8859_1));
            };
        });
    }

    private static byte[] encode(String text, Charset charset) {
        ByteBuffer buffer = charset.encode(text);
        return Arrays.copyOf(buffer.array(), buffer.limit());
    }

    private static Arbitrary<Defective> spliceInvalidUtf8IfMarked(Defective defective) {
        if (indexOf(defective.body(), NOT_UTF8.getBytes(StandardCharsets.UTF_8)) < 0) {
            return Arbitraries.just(defective);
        }
        return invalidUtf8Sequences().map(bytes -> new Defective(
                defective.defect() + " (" + HexFormat.of().formatHex(bytes) + ")",
                spliceNotUtf8(new String(defective.body(), StandardCharsets.UTF_8), bytes)));
    }

    /** The text as UTF-8, with the bytes in place of the marker; the marker stays when there are no bytes yet. */
    private static byte[] spliceNotUtf8(String text, byte[] bytes) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] marker = NOT_UTF8.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(utf8, marker);
        if (at < 0 || bytes == null) {
            return utf8;
        }
        byte[] out = new byte[utf8.length - marker.length + bytes.length];
        System.arraycopy(utf8, 0, out, 0, at);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        System.arraycopy(utf8, at + marker.length, out, at + bytes.length, utf8.length - at - marker.length);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String article(Kind kind) {
        return switch (kind) {
            case NULL -> "null";
            case ARRAY, OBJECT -> "an " + kind.name().toLowerCase(Locale.ROOT);
            default -> "a " + kind.name().toLowerCase(Locale.ROOT);
        };
    }
}
