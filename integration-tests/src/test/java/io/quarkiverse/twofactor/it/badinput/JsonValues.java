package io.quarkiverse.twofactor.it.badinput;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * JSON written by hand rather than by a library, so that a test can also write what no library would: duplicated keys,
 * escaped lone surrogates, members spliced in raw. Plus random JSON values of every type.
 */
public final class JsonValues {

    /** The JSON types. */
    public enum Kind {
        NULL,
        BOOLEAN,
        NUMBER,
        STRING,
        ARRAY,
        OBJECT
    }

    /** A JSON value as text, with its type. */
    public record Json(Kind kind, String text) {
    }

    /** An object member; both parts are JSON text, so the key may be spelled with escapes. */
    public record Member(String key, String value) {

        public static Member of(String name, String valueJson) {
            return new Member(quote(name), valueJson);
        }

        /** Text spliced in where a member goes, whatever it is. */
        public static Member raw(String text) {
            return new Member(text, null);
        }

        String text() {
            return value == null ? key : key + ":" + value;
        }
    }

    private JsonValues() {
    }

    /** A JSON string literal. Quotes, backslashes, control characters and surrogates are escaped. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** An object of the members in their order, duplicates included. */
    public static String object(List<Member> members) {
        return members.stream().map(Member::text).collect(Collectors.joining(",", "{", "}"));
    }

    /** Any JSON value, nested up to three levels. */
    public static Arbitrary<Json> any() {
        return Arbitraries.recursive(JsonValues::scalar, JsonValues::containers, 0, 3);
    }

    /** Any JSON value whose type is none of the given ones. */
    public static Arbitrary<Json> anyBut(Kind... kinds) {
        List<Kind> excluded = List.of(kinds);
        return any().filter(json -> !excluded.contains(json.kind()));
    }

    /** A JSON string holding random text. */
    public static Arbitrary<Json> strings() {
        return Arbitraries.strings().all().ofMaxLength(40).map(text -> new Json(Kind.STRING, quote(text)));
    }

    private static Arbitrary<Json> scalar() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(new Json(Kind.NULL, "null"))),
                Tuple.of(1, Arbitraries.of("true", "false").map(text -> new Json(Kind.BOOLEAN, text))),
                Tuple.of(3, numbers()),
                Tuple.of(3, strings()));
    }

    private static Arbitrary<Json> numbers() {
        Arbitrary<String> texts = Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(BigInteger::toString),
                Arbitraries.doubles().map(String::valueOf).filter(text -> !text.contains("N") && !text.contains("I")),
                Arbitraries.of("0", "-0", "0.0", "1e999", "-1E-999", "1.5e+10", "4.9E-324", "123456789012345678901234567890"));
        return texts.map(text -> new Json(Kind.NUMBER, text));
    }

    private static Arbitrary<Json> containers(Arbitrary<Json> inner) {
        Arbitrary<Json> arrays = inner.list().ofMaxSize(4)
                .map(items -> new Json(Kind.ARRAY,
                        items.stream().map(Json::text).collect(Collectors.joining(",", "[", "]"))));
        Arbitrary<Json> objects = Combinators
                .combine(Arbitraries.strings().all().ofMaxLength(12), inner)
                .as((key, value) -> Member.of(key, value.text()))
                .list().ofMaxSize(4).uniqueElements(Member::key)
                .map(members -> new Json(Kind.OBJECT, object(new ArrayList<>(members))));
        return Arbitraries.oneOf(inner, arrays, objects);
    }
}
