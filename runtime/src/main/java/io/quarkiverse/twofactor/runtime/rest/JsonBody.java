package io.quarkiverse.twofactor.runtime.rest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request body read strictly: JSON media type, at most 16 KiB, UTF-8 (RFC 8259), one object, no duplicated keys,
 * shallow nesting. Each field is then read with its expected type, and anything else is a 400 that names the field.
 * Text fields must be Unicode text: an escaped lone surrogate is refused like an invalid UTF-8 byte.
 */
final class JsonBody {

    static final int MAX_BYTES = 16 * 1024;
    private static final int MAX_DEPTH = 16;
    private static final Pattern CANONICAL_UUID = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final ObjectMapper READER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Decimals stay exactly as the client wrote them, trailing zeros included.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final TypeReference<Map<String, Object>> OBJECT_TYPE = new TypeReference<>() {
    };

    private final ObjectNode fields;

    private JsonBody(ObjectNode fields) {
        this.fields = fields;
    }

    static JsonBody parse(String contentType, byte[] body) {
        if (contentType == null || !isJson(contentType)) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                    "The body must be application/json");
        }
        if (body.length > MAX_BYTES) {
            throw ProblemException.badRequest("The body must be at most " + MAX_BYTES + " bytes");
        }
        String text;
        try {
            // Strictly: Jackson alone would take overlong forms, code points past U+10FFFF, and UTF-16 or UTF-32 bodies.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("The body is not valid UTF-8");
        }
        JsonNode root;
        try {
            root = READER.readTree(text);
        } catch (IOException e) {
            throw ProblemException.badRequest("The body is not well-formed JSON");
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.badRequest("The body must be a JSON object");
        }
        return new JsonBody((ObjectNode) root);
    }

    /** A string field that must be present and not blank. */
    String requiredText(String name) {
        String value = optionalText(name);
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("'" + name + "' is required and must not be blank");
        }
        return value;
    }

    /** A string field, or {@code null} when absent or JSON null. */
    String optionalText(String name) {
        JsonNode node = fields.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ProblemException.badRequest("'" + name + "' must be a string");
        }
        if (!isUnicode(node.textValue())) {
            throw ProblemException.badRequest("'" + name + "' must be Unicode text, without lone surrogates");
        }
        return node.textValue();
    }

    /** A field holding a confirmation id. */
    UUID requiredId(String name) {
        return parseId(requiredText(name));
    }

    /**
     * An object field of any JSON values, as plain Java values; empty when absent or JSON null. Every key and string
     * in it must be Unicode text.
     */
    Map<String, Object> optionalObject(String name) {
        JsonNode node = fields.get(name);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ProblemException.badRequest("'" + name + "' must be a JSON object");
        }
        checkUnicode(node, name);
        return READER.convertValue(node, OBJECT_TYPE);
    }

    private static void checkUnicode(JsonNode node, String path) {
        if (node.isTextual() && !isUnicode(node.textValue())) {
            throw ProblemException.badRequest("'" + path + "' must be Unicode text, without lone surrogates");
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkUnicode(node.get(i), path + "[" + i + "]");
            }
        }
        node.fields().forEachRemaining(entry -> {
            if (!isUnicode(entry.getKey())) {
                throw ProblemException.badRequest("The keys of '" + path + "' must be Unicode text, without lone"
                        + " surrogates");
            }
            checkUnicode(entry.getValue(), path + "." + entry.getKey());
        });
    }

    /** An optional field holding an id; {@code null} when absent or JSON null. */
    UUID optionalId(String name) {
        String text = optionalText(name);
        return text == null ? null : parseId(text, "'" + name + "'");
    }

    /** Refuses a body that has any of these members, even as JSON null: they are not the caller's to choose. */
    void refuse(String... names) {
        for (String name : names) {
            if (fields.has(name)) {
                throw ProblemException.badRequest("'" + name + "' is not accepted here");
            }
        }
    }

    /** A confirmation id in canonical form; anything else is a 400. */
    static UUID parseId(String text) {
        return parseId(text, "A confirmation id");
    }

    /** An id in canonical form; anything else is a 400 whose detail starts with {@code what}. */
    static UUID parseId(String text, String what) {
        if (!isId(text)) {
            throw ProblemException.badRequest(what + " must be a UUID such as 123e4567-e89b-12d3-a456-426614174000");
        }
        return UUID.fromString(text);
    }

    /** Whether the text is a UUID in canonical form. */
    static boolean isId(String text) {
        return text != null && CANONICAL_UUID.matcher(text).matches();
    }

    private static boolean isUnicode(String text) {
        return text.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE);
    }

    /**
     * {@code application/json} with well-formed parameters, if any ({@code name=value}; empty ones, as in {@code ;;},
     * are allowed), and no charset but UTF-8, the only one JSON has: {@code application/json; charset=} is refused.
     */
    private static boolean isJson(String contentType) {
        String[] parts = contentType.split(";", -1);
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? "" : parameter.substring(0, equals).trim();
            String value = equals < 0 ? "" : parameter.substring(equals + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (name.isEmpty() || value.isEmpty() || value.contains("\"")
                    || name.equalsIgnoreCase("charset") && !value.equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        return true;
    }
}
