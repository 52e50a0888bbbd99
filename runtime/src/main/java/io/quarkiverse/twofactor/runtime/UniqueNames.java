package io.quarkiverse.twofactor.runtime;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Beans that configuration selects by name (sender backends, stores), indexed by that name; two beans claiming one
 * name fail startup, since configuration could not tell them apart.
 */
public final class UniqueNames {

    private UniqueNames() {
    }

    public static <T> Map<String, T> index(List<T> beans, Function<T, String> name, String kind) {
        Map<String, T> byName = new TreeMap<>();
        for (T bean : beans) {
            T clash = byName.put(name.apply(bean), bean);
            if (clash != null) {
                throw new ConfigurationException("Two " + kind + " share the name '" + name.apply(bean) + "': "
                        + clash.getClass().getName() + " and " + bean.getClass().getName());
            }
        }
        return byName;
    }
}
