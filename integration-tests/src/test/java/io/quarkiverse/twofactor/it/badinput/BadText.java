package io.quarkiverse.twofactor.it.badinput;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Texts for the fields of the endpoints: the almost-right, the look-alike, the blank, the too long, the invisible.
 */
public final class BadText {

    /** What the endpoints accept as an id; only an id outside this shape must be refused as malformed. */
    public static final Pattern CANONICAL_UUID = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Sender keys the test application configures, in a fixed order so that a seed always draws the same. */
    public static final List<String> KNOWN_SENDERS = List.of("default", "log", "broken");

    /** Every character {@link String#isBlank()} treats as white space. */
    private static final String WHITESPACE = " \t\n\u000b\f\r\u001c\u001d\u001e\u001f\u1680\u2000\u2001\u2002\u2003"
            + "\u2004\u2005\u2006\u2008\u2009\u200a\u2028\u2029\u205f\u3000";
    /** The ISO control characters: C0, DEL and C1. */
    private static final String CONTROLS = controls();
    /** Latin letters and their Cyrillic or Greek twins, side by side. */
    private static final String[][] HOMOGLYPHS = { { "a", "\u0430" }, { "e", "\u0435" }, { "o", "\u043e" },
            { "p", "\u0440" }, { "c", "\u0441" }, { "x", "\u0445" }, { "y", "\u0443" }, { "i", "\u0456" },
            { "s", "\u0455" }, { "l", "\u04cf" }, { "A", "\u0391" }, { "B", "\u0392" }, { "E", "\u0395" },
            { "O", "\u039f" } };
    /** Zero-width space, non-joiner, joiner, word joiner, soft hyphen. */
    private static final String INVISIBLES = "\u200b\u200c\u200d\u2060\u00ad";
    /**
     * Characters a recipient must not hold: format characters (Cf) such as direction overrides and isolates, marks,
     * the byte order mark and the zero-width ones, and the line and paragraph separators (Zl, Zp).
     */
    private static final String FORMAT_AND_SEPARATORS = INVISIBLES
            + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\ufeff\u2028\u2029";
    /** What shows nothing: the format characters and separators, and the no-break and other space separators. */
    private static final String SHOWS_NOTHING = FORMAT_AND_SEPARATORS + "\u00a0\u2007\u202f";
    private static final String HEX = "0123456789abcdef";

    private BadText() {
    }

    /** Blank text: empty or only white space. */
    public static Arbitrary<String> blanks() {
        return Arbitraries.strings().withChars(WHITESPACE).ofMaxLength(20);
    }

    /** Text of one or more characters that all show nothing: no-break spaces, zero-width and format characters. */
    public static Arbitrary<String> invisibleOnly() {
        return Arbitraries.strings().withChars(SHOWS_NOTHING).ofMinLength(1).ofMaxLength(20);
    }

    /** Text with at least one format character (Cf) or line or paragraph separator somewhere in it. */
    public static Arbitrary<String> withFormatCharacters(Arbitrary<String> valid) {
        Arbitrary<String> invisible = Arbitraries.strings().withChars(FORMAT_AND_SEPARATORS).ofMinLength(1)
                .ofMaxLength(3);
        return Combinators.combine(valid, invisible, Arbitraries.doubles().between(0, 1))
                .as((text, inserted, where) -> insert(text, inserted, where));
    }

    /** Text with at least one ISO control character somewhere in it. */
    public static Arbitrary<String> withControlCharacters(Arbitrary<String> valid) {
        Arbitrary<String> controls = Arbitraries.strings().withChars(CONTROLS).ofMinLength(1).ofMaxLength(3);
        return Combinators.combine(valid, controls, Arbitraries.doubles().between(0, 1))
                .as((text, control, where) -> insert(text, control, where));
    }

    /** Text with an unpaired UTF-16 surrogate somewhere in it: not Unicode text at all. */
    public static Arbitrary<String> withLoneSurrogate(Arbitrary<String> valid) {
        Arbitrary<String> surrogates = Arbitraries.oneOf(
                Arbitraries.chars().range('\ud800', '\udbff'), Arbitraries.chars().range('\udc00', '\udfff'))
                .map(String::valueOf);
        return Combinators.combine(valid, surrogates, Arbitraries.doubles().between(0, 1))
                .as((text, surrogate, where) -> insert(text, surrogate, where));
    }

    /** Printable text of the given lengths, from alphabets of one, two and three UTF-8 bytes a character. */
    public static Arbitrary<String> longText(int minLength, int maxLength) {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(minLength).ofMaxLength(maxLength),
                Arbitraries.strings().withCharRange('\u0430', '\u044f').ofMinLength(minLength).ofMaxLength(maxLength),
                Arbitraries.strings().withCharRange('\u4e00', '\u4fff').ofMinLength(minLength).ofMaxLength(maxLength));
    }

    /** Recipients the log and demo backends deliver to. */
    public static Arbitrary<String> recipients() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12).map(name -> name + "@example.com"),
                Arbitraries.strings().numeric().ofLength(10).map(digits -> "+1" + digits));
    }

    /**
     * Text that looks like {@code base} to a human: letters swapped for Cyrillic or Greek twins, digits for fullwidth
     * ones, or zero-width characters slipped in. Always different from {@code base}.
     */
    public static Arbitrary<String> lookAlike(String base) {
        return lookAlike(base, true);
    }

    /**
     * A recipient that looks like {@code base} to a human and that the endpoints accept: letters swapped for Cyrillic
     * or Greek twins, digits for fullwidth ones, but nothing invisible (recipients holding any are refused).
     */
    public static Arbitrary<String> visibleLookAlike(String base) {
        return lookAlike(base, false);
    }

    private static Arbitrary<String> lookAlike(String base, boolean invisibles) {
        return Arbitraries.randomValue(random -> {
            StringBuilder out = new StringBuilder(base);
            int changes = 1 + random.nextInt(3);
            for (int i = 0; i < changes; i++) {
                int at = random.nextInt(out.length());
                String c = String.valueOf(out.charAt(at));
                String twin = twinOf(c);
                if (twin != null && random.nextBoolean()) {
                    out.replace(at, at + 1, twin);
                } else if (Character.isDigit(c.charAt(0)) && c.charAt(0) < 0x80) {
                    out.setCharAt(at, fullwidth(c.charAt(0)));
                } else if (!invisibles) {
                    String letterTwin = twinOf(String.valueOf(base.charAt(random.nextInt(base.length()))));
                    out.insert(at, letterTwin != null ? letterTwin : "\u0430");
                } else {
                    out.insert(at, INVISIBLES.charAt(random.nextInt(INVISIBLES.length())));
                }
            }
            return out.toString();
        }).filter(text -> !text.equals(base));
    }

    /** Sender keys nobody configured, many of them one glance away from a configured one. */
    public static Arbitrary<String> unknownSenders() {
        Arbitrary<String> nearKnown = Arbitraries.of(KNOWN_SENDERS).flatMap(key -> Arbitraries.oneOf(
                lookAlike(key),
                Arbitraries.of(key.toUpperCase(Locale.ROOT), " " + key, key + " ", key + "\u00a0", key + "\n",
                        key.substring(1), key + key.charAt(0), "\"" + key + "\"", fullwidth(key))));
        Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(30);
        return Arbitraries.oneOf(nearKnown, random, Arbitraries.just(""))
                .filter(key -> !KNOWN_SENDERS.contains(key))
                .filter(BadText::cannotBeMistakenForALeak);
    }

    /**
     * Ids that are almost UUIDs: one character off, a dash missing or moved, a character too many or too few, a
     * non-hex letter, a look-alike digit, non-canonical forms such as {@code 1-1-1-1-1}. None is canonical.
     */
    public static Arbitrary<String> almostUuids() {
        Arbitrary<String> uuids = uuids();
        Arbitrary<String> edits = Combinators.combine(uuids, Arbitraries.integers().between(0, 35),
                Arbitraries.chars().all(), Arbitraries.integers().between(0, 9)).as(BadText::edit);
        Arbitrary<String> forms = uuids.flatMap(uuid -> Arbitraries.of(
                uuid.replace("-", ""),
                "{" + uuid + "}",
                "urn:uuid:" + uuid,
                " " + uuid,
                uuid + "\n",
                uuid + uuid,
                uuid.substring(0, 35),
                uuid + "0",
                uuid.replace('-', '_'),
                fullwidth(uuid),
                cyrillicTwins(uuid)));
        Arbitrary<String> shortForms = Arbitraries.integers().between(1, 7).list().ofSize(5)
                .map(lengths -> {
                    StringBuilder out = new StringBuilder();
                    for (int length : lengths) {
                        out.append(out.length() == 0 ? "" : "-").append("1".repeat(length));
                    }
                    return out.toString();
                });
        Arbitrary<String> fixed = Arbitraries.of("1-1-1-1-1", "0-0-0-0-0", "00000000-0000-0000-0000-00000000000",
                "ffffffff-ffff-ffff-ffff-fffffffffffff", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "null", "undefined",
                "123e4567-e89b-12d3-a456-42661417400g", "123e4567e89b12d3a456426614174000");
        return Arbitraries.frequencyOf(Tuple.of(6, edits), Tuple.of(3, forms), Tuple.of(1, shortForms), Tuple.of(1, fixed))
                .filter(id -> !id.isBlank() && !CANONICAL_UUID.matcher(id).matches());
    }

    /** Canonical UUID texts, lower or upper case, random or the extremes. */
    public static Arbitrary<String> uuids() {
        Arbitrary<String> random = Arbitraries.longs().tuple2()
                .map(bits -> new UUID(bits.get1(), bits.get2()).toString());
        return Arbitraries.frequencyOf(
                Tuple.of(8, random),
                Tuple.of(1, random.map(id -> id.toUpperCase(Locale.ROOT))),
                Tuple.of(1, Arbitraries.of("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff")));
    }

    /** Codes of every length from 1 to {@code maxLength} and many alphabets; never blank, never lone surrogates. */
    public static Arbitrary<String> codes(int maxLength) {
        return Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(maxLength),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(maxLength),
                Arbitraries.strings().withCharRange('\uff10', '\uff19').ofMinLength(1).ofMaxLength(maxLength),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(maxLength),
                Arbitraries.strings().withCharRange('\u0400', '\u04ff').ofMinLength(1).ofMaxLength(maxLength),
                Arbitraries.strings().withChars("0123456789" + INVISIBLES + " ").ofMinLength(1).ofMaxLength(maxLength),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(maxLength))
                .filter(code -> !code.isBlank() && code.length() <= maxLength && isUnicodeText(code));
    }

    /**
     * Wrong codes that come close to {@code code}: its fullwidth twin, a character more or less, padding, an invisible
     * character inside, or a code of any length and alphabet. Never the code itself and never blank.
     */
    public static Arbitrary<String> wrongCodes(String code, int maxLength) {
        Arbitrary<String> near = Arbitraries.of(fullwidth(code), code + "0", code.substring(1), " " + code, code + " ",
                code.substring(0, 3) + "\u200d" + code.substring(3), "0" + code, code.toUpperCase(Locale.ROOT) + "\u0000");
        return Arbitraries.frequencyOf(Tuple.of(1, near), Tuple.of(2, codes(maxLength)))
                .filter(wrong -> !wrong.equals(code) && !wrong.isBlank() && wrong.length() <= maxLength);
    }

    /**
     * Content-Type values other than {@code application/json}: other media types, JSON's relatives, wildcards, look-alikes,
     * and values no parser makes sense of.
     */
    public static Arbitrary<String> notJsonMediaTypes() {
        Arbitrary<String> known = Arbitraries.of("text/plain", "text/json", "text/html", "application/xml",
                "application/x-www-form-urlencoded", "application/octet-stream", "application/jsonx",
                "application/json-patch+json", "application/merge-patch+json", "application/problem+json",
                "application/ld+json", "application/vnd.api+json", "application/javascript", "application/json5",
                "*/*", "application/*", "application", "json", "application/jso", "application/json/json",
                "application /json", "application/ json", "application\\json", "application:json", "applicationjson",
                "application/js\u00f3n", "\u00e4pplication/json", "text/plain; charset=application/json", "", " ", ";",
                "garbage", "/", "a/b/c", "application/json, text/plain", "text/plain, application/json", "=", "\"\"",
                "application/json\"", "multipart/form-data; boundary=x");
        Arbitrary<String> random = Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(16))
                .as((type, subtype) -> type + "/" + subtype);
        return Arbitraries.oneOf(known, random)
                .filter(value -> !value.split(";", 2)[0].trim().equalsIgnoreCase("application/json"));
    }

    /** Whether the text is well-formed UTF-16: no surrogate without its partner. */
    public static boolean isUnicodeText(String text) {
        return text.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE);
    }

    /** Whether an endpoint may echo the text without it passing for a stack trace or a hash in a problem body. */
    public static boolean cannotBeMistakenForALeak(String text) {
        return Answers.leaks(text).isEmpty();
    }

    private static String edit(String uuid, int at, char c, int how) {
        StringBuilder out = new StringBuilder(uuid);
        switch (how) {
            case 0, 1 -> out.setCharAt(at, c);
            case 2 -> out.insert(at, c);
            case 3 -> out.deleteCharAt(at);
            case 4 -> out.setCharAt(at, out.charAt(at) == '-' ? HEX.charAt(at % 16) : '-');
            case 5 -> out.setCharAt(at, (char) ('g' + at % 20));
            case 6 -> out.setCharAt(at, out.charAt(at) == '-' ? '\u2010' : '\u2212');
            case 7 -> out.insert(at, HEX.charAt(at % 16));
            case 8 -> out.setCharAt(at, Character.isDigit(out.charAt(at)) ? fullwidth(out.charAt(at)) : '\u0430');
            default -> out.deleteCharAt(new int[] { 8, 13, 18, 23 }[at % 4]);
        }
        return out.toString();
    }

    private static String insert(String text, String inserted, double where) {
        int at = (int) Math.round(where * text.length());
        return text.substring(0, at) + inserted + text.substring(at);
    }

    private static String twinOf(String c) {
        for (String[] pair : HOMOGLYPHS) {
            if (pair[0].equals(c)) {
                return pair[1];
            }
        }
        return null;
    }

    private static String fullwidth(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(fullwidth(c));
        }
        return out.toString();
    }

    private static char fullwidth(char c) {
        return c > ' ' && c < 0x7f ? (char) (c - '!' + '\uff01') : c;
    }

    /** The id with its letters a, c and e in Cyrillic, or with a zero-width joiner when it has none of them. */
    private static String cyrillicTwins(String uuid) {
        String twins = uuid.replace('a', '\u0430').replace('c', '\u0441').replace('e', '\u0435');
        return twins.equals(uuid) ? uuid + "\u200d" : twins;
    }

    private static String controls() {
        StringBuilder out = new StringBuilder();
        for (char c = 0; c < 0xa0; c++) {
            if (Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
