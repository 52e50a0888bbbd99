package io.quarkiverse.twofactor.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkiverse.twofactor.runtime.store.MetaJson;
import io.quarkus.qute.CompletedStage;
import io.quarkus.qute.Engine;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Expression;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.Variant;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * A message, subject or HTML body as a Qute template with <code>{placeholders}</code>, checked once at startup so that
 * a typo fails the application instead of reaching users. In an HTML template every value is HTML-escaped.
 */
final class MessageTemplate {

    private static final Set<String> NAMES = Set.of("code", "minutes", "app");
    private static final String META = "meta";
    private static final Engine ENGINE = Engine.builder()
            .addDefaults()
            .addValueResolver(new MetaResolver())
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
            .build();

    private final Template template;

    /**
     * @param where what to name when the template is wrong: a property, or a file and its key
     */
    private MessageTemplate(String text, String contentType, String where) {
        try {
            this.template = ENGINE.parse(text, Variant.forContentType(contentType));
        } catch (TemplateException e) {
            throw new ConfigurationException(where + " is not a valid template: " + e.getMessage());
        }
        for (Expression expression : template.getExpressions()) {
            if (!expression.isLiteral() && !isKnown(expression)) {
                throw new ConfigurationException(where + " uses the unknown placeholder {"
                        + expression.toOriginalString() + "}; known ones are {code}, {minutes}, {app} and {meta.NAME}");
            }
        }
    }

    static MessageTemplate text(String text, String where) {
        return new MessageTemplate(text, Variant.TEXT_PLAIN, where);
    }

    static MessageTemplate html(String text, String where) {
        return new MessageTemplate(text, Variant.TEXT_HTML, where);
    }

    private static boolean isKnown(Expression expression) {
        if (expression.hasNamespace()) {
            return false;
        }
        List<Expression.Part> parts = expression.getParts();
        String first = parts.get(0).getName();
        return parts.size() == 1 && NAMES.contains(first)
                || parts.size() == 2 && first.equals(META) && !parts.get(1).isVirtualMethod();
    }

    /** Whether the template shows the code, which a message must. */
    boolean showsCode() {
        return template.getExpressions().stream().anyMatch(
                expression -> !expression.isLiteral() && expression.getParts().get(0).getName().equals("code"));
    }

    String render(String code, long minutes, String app, Map<String, Object> meta) {
        return template.data("code", code, "minutes", minutes, "app", app, META, new Meta(meta)).render();
    }

    /** The confirmation's meta as templates see it: entry by entry, a missing one as nothing. */
    private record Meta(Map<String, Object> values) {
    }

    private static final class MetaResolver implements ValueResolver {

        @Override
        public boolean appliesTo(EvalContext context) {
            return context.getBase() instanceof Meta;
        }

        @Override
        public CompletedStage<Object> resolve(EvalContext context) {
            return CompletedStage.of(metaText(((Meta) context.getBase()).values().get(context.getName())));
        }
    }

    /** A string as it is, a missing entry or null as nothing, any other value as its JSON text. */
    private static String metaText(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof String text ? text : MetaJson.writeValue(value);
    }
}
