package io.quarkiverse.twofactor.runtime;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkiverse.twofactor.runtime.store.MetaJson;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * A message or subject with <code>{placeholders}</code>, checked once at startup so that a typo fails the
 * application instead of reaching users.
 */
final class MessageTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Set<String> NAMES = Set.of("code", "minutes", "app");
    private static final String META_PREFIX = "meta.";

    private final String template;

    MessageTemplate(String template, String property) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!NAMES.contains(name) && !(name.startsWith(META_PREFIX) && name.length() > META_PREFIX.length())) {
                throw new ConfigurationException(property + " uses the unknown placeholder {" + name
                        + "}; known ones are {code}, {minutes}, {app} and {meta.NAME}");
            }
        }
        this.template = template;
    }

    /** Whether the template shows the code, which a message must. */
    boolean showsCode() {
        return template.contains("{code}");
    }

    String render(String code, long minutes, String app, Map<String, Object> meta) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = switch (name) {
                case "code" -> code;
                case "minutes" -> Long.toString(minutes);
                case "app" -> app;
                default -> metaText(meta.get(name.substring(META_PREFIX.length())));
            };
            matcher.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(text);
        return text.toString();
    }

    /** A string as it is, a missing entry or null as nothing, any other value as its JSON text. */
    private static String metaText(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof String text ? text : MetaJson.writeValue(value);
    }
}
