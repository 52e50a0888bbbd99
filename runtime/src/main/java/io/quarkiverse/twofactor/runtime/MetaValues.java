package io.quarkiverse.twofactor.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A confirmation's meta as JSON values in plain Java: strings, booleans, numbers, nulls, and lists and maps of them.
 * What the application passes is copied into unmodifiable collections, and anything that is not a JSON value is
 * refused, so that what a store writes reads back equal.
 */
public final class MetaValues {

    private MetaValues() {
    }

    /** An unmodifiable deep copy of {@code meta}, or an {@link IllegalArgumentException} naming what is not JSON. */
    public static Map<String, Object> copyOf(Map<String, ?> meta) {
        if (meta == null) {
            throw new IllegalArgumentException("meta must not be null; pass an empty map");
        }
        return copyObject(meta, "meta");
    }

    /**
     * Whether {@code meta} holds every entry of {@code expected} with the same JSON value: a number equals a number of
     * the same value whatever its Java type ({@code 42} and {@code 42.0}), never a string ({@code "42"}).
     */
    public static boolean containsAll(Map<String, Object> meta, Map<String, ?> expected) {
        for (Map.Entry<String, ?> entry : expected.entrySet()) {
            if (!meta.containsKey(entry.getKey()) || !sameValue(meta.get(entry.getKey()), entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number e) {
            return decimal(a).compareTo(decimal(e)) == 0;
        }
        if (actual instanceof List<?> a && expected instanceof List<?> e) {
            if (a.size() != e.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameValue(a.get(i), e.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (actual instanceof Map<?, ?> a && expected instanceof Map<?, ?> e) {
            if (!a.keySet().equals(e.keySet())) {
                return false;
            }
            for (Object key : a.keySet()) {
                if (!sameValue(a.get(key), e.get(key))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(actual, expected);
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal d) {
            return d;
        }
        if (number instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (number instanceof Double || number instanceof Float) {
            return BigDecimal.valueOf(number.doubleValue());
        }
        return BigDecimal.valueOf(number.longValue());
    }

    private static Object copyValue(Object value, String path) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return copyNumber(number, path);
        }
        if (value instanceof Map<?, ?> map) {
            return copyObject(map, path);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(copyValue(list.get(i), path + "[" + i + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(path + " must be a JSON value (string, number, boolean, null, list or map),"
                + " not a " + value.getClass().getSimpleName());
    }

    private static Map<String, Object> copyObject(Map<?, ?> map, String path) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("The keys of " + path + " must be strings");
            }
            copy.put(key, copyValue(entry.getValue(), path + "." + key));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Number copyNumber(Number number, String path) {
        if (number instanceof Integer || number instanceof Long || number instanceof BigInteger
                || number instanceof BigDecimal) {
            return number;
        }
        if (number instanceof Short || number instanceof Byte) {
            return number.intValue();
        }
        double value = number.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(path + " must be a finite number");
        }
        return value;
    }
}
