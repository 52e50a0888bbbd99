package io.quarkiverse.twofactor.runtime.store;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A confirmation's meta as stored text: a JSON object of strings. It has its own mapper so that what is stored does
 * not change with the application's JSON settings.
 */
public final class MetaJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Most confirmations carry no meta: they skip the mapper. */
    private static final String EMPTY = "{}";
    private static final TypeReference<Map<String, String>> META_TYPE = new TypeReference<>() {
    };

    private MetaJson() {
    }

    public static String write(Map<String, String> meta) {
        if (meta.isEmpty()) {
            return EMPTY;
        }
        try {
            return JSON.writeValueAsString(meta);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("meta cannot be written as JSON", e);
        }
    }

    public static Map<String, String> read(String meta) {
        if (EMPTY.equals(meta)) {
            return Map.of();
        }
        try {
            return JSON.readValue(meta, META_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored meta is not a JSON object of strings", e);
        }
    }
}
