package io.quarkiverse.twofactor.runtime;

import java.util.List;
import java.util.Map;

/**
 * Bounds on what callers hand the confirmer, so that stored rows stay small and logs stay one line per entry.
 */
final class InputLimits {

    static final int MAX_RECIPIENT_LENGTH = 320;
    static final int MAX_META_ENTRIES = 16;
    static final int MAX_META_KEY_LENGTH = 64;
    static final int MAX_META_VALUE_LENGTH = 256;
    static final int MAX_META_DEPTH = 4;

    private InputLimits() {
    }

    /**
     * Refuses a recipient that is blank (white space of any kind, no-break spaces included), too long, or holds a
     * control character or an invisible one: a format character (Unicode category Cf: zero-width spaces and joiners,
     * direction overrides such as U+202E, the byte order mark) or a line or paragraph separator (Zl, Zp). Such
     * characters make a recipient read differently in a log, an inbox or an admin page than it is.
     */
    static void checkRecipient(String recipient) {
        if (recipient == null || isBlank(recipient)) {
            throw new IllegalArgumentException("recipient must not be blank");
        }
        if (recipient.length() > MAX_RECIPIENT_LENGTH) {
            throw new IllegalArgumentException("recipient must be at most " + MAX_RECIPIENT_LENGTH + " characters");
        }
        if (hasControlCharacter(recipient)) {
            throw new IllegalArgumentException("recipient must not contain control characters");
        }
        if (recipient.codePoints().anyMatch(InputLimits::isInvisible)) {
            throw new IllegalArgumentException("recipient must not contain invisible format characters or line"
                    + " separators (Unicode Cf, Zl, Zp)");
        }
    }

    /**
     * Bounds meta of JSON values: at most {@value #MAX_META_ENTRIES} members in any object or list, keys of 1 to
     * {@value #MAX_META_KEY_LENGTH} characters, strings of at most {@value #MAX_META_VALUE_LENGTH}, nesting at most
     * {@value #MAX_META_DEPTH} deep, and no control characters in keys or strings.
     */
    static void checkMeta(Map<String, Object> meta) {
        checkObject(meta, "meta", 1);
    }

    private static void checkObject(Map<?, ?> object, String path, int depth) {
        if (object.size() > MAX_META_ENTRIES) {
            throw new IllegalArgumentException(path + " may hold at most " + MAX_META_ENTRIES + " entries");
        }
        object.forEach((key, value) -> {
            String name = (String) key;
            if (name.isEmpty() || name.length() > MAX_META_KEY_LENGTH || hasControlCharacter(name)) {
                throw new IllegalArgumentException("The keys of " + path + " must be 1 to " + MAX_META_KEY_LENGTH
                        + " characters without control characters");
            }
            checkValue(value, path + "." + name, depth);
        });
    }

    private static void checkValue(Object value, String path, int depth) {
        if (value instanceof String text) {
            if (text.length() > MAX_META_VALUE_LENGTH || hasControlCharacter(text)) {
                throw new IllegalArgumentException(path + " must be a string of at most " + MAX_META_VALUE_LENGTH
                        + " characters without control characters");
            }
        } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
            if (depth >= MAX_META_DEPTH) {
                throw new IllegalArgumentException(path + " nests deeper than " + MAX_META_DEPTH + " levels");
            }
            if (value instanceof Map<?, ?> object) {
                checkObject(object, path, depth + 1);
            } else {
                List<?> list = (List<?>) value;
                if (list.size() > MAX_META_ENTRIES) {
                    throw new IllegalArgumentException(path + " may hold at most " + MAX_META_ENTRIES + " entries");
                }
                for (int i = 0; i < list.size(); i++) {
                    checkValue(list.get(i), path + "[" + i + "]", depth + 1);
                }
            }
        }
    }

    /** Empty, or nothing but white space, space separators (no-break spaces included) and invisible characters. */
    private static boolean isBlank(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || isInvisible(c));
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
