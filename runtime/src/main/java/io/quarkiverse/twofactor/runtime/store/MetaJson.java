package io.quarkiverse.twofactor.runtime.store;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.twofactor.runtime.MetaValues;

/**
 * A confirmation's meta as stored text: a JSON object. It has its own mapper so that what is stored does not change
 * with the application's JSON settings; decimals read back as {@link java.math.BigDecimal}, exactly as written.
 */
public final class MetaJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** Most confirmations carry no meta: they skip the mapper. */
    private static final String EMPTY = "{}";
    private static final TypeReference<Map<String, Object>> META_TYPE = new TypeReference<>() {
    };

    private MetaJson() {
    }

    public static String write(Map<String, Object> meta) {
        return meta.isEmpty() ? EMPTY : writeValue(meta);
    }

    /** One JSON value of a meta as JSON text. */
    public static String writeValue(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("meta cannot be written as JSON", e);
        }
    }

    public static Map<String, Object> read(String meta) {
        if (EMPTY.equals(meta)) {
            return Map.of();
        }
        try {
            return MetaValues.copyOf(JSON.readValue(meta, META_TYPE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored meta is not a JSON object", e);
        }
    }
}
