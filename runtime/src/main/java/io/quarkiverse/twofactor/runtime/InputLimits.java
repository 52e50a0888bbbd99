package io.quarkiverse.twofactor.runtime;

import java.util.Map;

/**
 * Bounds on what callers hand the confirmer, so that stored rows stay small and logs stay one line per entry.
 */
final class InputLimits {

    static final int MAX_RECIPIENT_LENGTH = 320;
    static final int MAX_META_ENTRIES = 16;
    static final int MAX_META_KEY_LENGTH = 64;
    static final int MAX_META_VALUE_LENGTH = 256;

    private InputLimits() {
    }

    static void checkRecipient(String recipient) {
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("recipient must not be blank");
        }
        if (recipient.length() > MAX_RECIPIENT_LENGTH) {
            throw new IllegalArgumentException("recipient must be at most " + MAX_RECIPIENT_LENGTH + " characters");
        }
        if (hasControlCharacter(recipient)) {
            throw new IllegalArgumentException("recipient must not contain control characters");
        }
    }

    static void checkMeta(Map<String, String> meta) {
        if (meta == null) {
            throw new IllegalArgumentException("meta must not be null; pass an empty map");
        }
        if (meta.size() > MAX_META_ENTRIES) {
            throw new IllegalArgumentException("meta may hold at most " + MAX_META_ENTRIES + " entries");
        }
        meta.forEach((key, value) -> {
            if (key == null || key.isEmpty() || key.length() > MAX_META_KEY_LENGTH || hasControlCharacter(key)) {
                throw new IllegalArgumentException("meta keys must be 1 to " + MAX_META_KEY_LENGTH
                        + " characters without control characters");
            }
            if (value == null || value.length() > MAX_META_VALUE_LENGTH || hasControlCharacter(value)) {
                throw new IllegalArgumentException("meta value of '" + key + "' must be a string of at most "
                        + MAX_META_VALUE_LENGTH + " characters without control characters");
            }
        });
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
