package io.quarkiverse.twofactor.runtime;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.twofactor.spi.SenderSettings;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * One sender's message, subject and HTML body in every language offered, parsed and checked at startup.
 */
final class SenderMessages {

    private final MessageLanguages languages;
    private final Map<Locale, Texts> byLanguage = new HashMap<>();

    /** The texts of one language; without an HTML template the HTML body is the message as one paragraph. */
    private record Texts(MessageTemplate message, MessageTemplate subject, Optional<MessageTemplate> html) {
    }

    /** What is delivered, in the language chosen. */
    record Rendered(Locale language, String subject, String message, String html) {
    }

    SenderMessages(SenderSettings settings, TwoFactorConfig.SenderConfig config, MessageLanguages languages) {
        this.languages = languages;
        Texts defaults = new Texts(message(config.message(), settings.property("message")),
                MessageTemplate.text(config.subject(), settings.property("subject")),
                config.html().map(html -> MessageTemplate.html(html, settings.property("html"))));
        byLanguage.put(languages.defaultLanguage(), defaults);
        for (Locale language : languages.others()) {
            Optional<MessageTemplate> message = languages.text(language, settings.key(), "message")
                    .map(text -> message(text.text(), text.where()));
            MessageTemplate subject = languages.text(language, settings.key(), "subject")
                    .map(text -> MessageTemplate.text(text.text(), text.where())).orElse(defaults.subject());
            Optional<MessageTemplate> html = languages.text(language, settings.key(), "html")
                    .map(text -> MessageTemplate.html(text.text(), text.where()));
            // A message in this language makes the default HTML body, which is in another, no longer fit.
            byLanguage.put(language, new Texts(message.orElse(defaults.message()), subject,
                    html.isPresent() || message.isPresent() ? html : defaults.html()));
        }
    }

    private static MessageTemplate message(String text, String where) {
        MessageTemplate message = MessageTemplate.text(text, where);
        if (!message.showsCode()) {
            throw new ConfigurationException(where + " must contain the {code} placeholder");
        }
        return message;
    }

    /** The texts in the language offered that best matches {@code wanted} (the default one when it is null). */
    Rendered render(Locale wanted, String code, long minutes, String app, Map<String, Object> meta) {
        Locale language = languages.bestMatch(wanted);
        Texts texts = byLanguage.get(language);
        String message = texts.message().render(code, minutes, app, meta);
        String html = texts.html().map(template -> template.render(code, minutes, app, meta))
                .orElseGet(() -> HtmlText.paragraph(message));
        return new Rendered(language, texts.subject().render(code, minutes, app, meta), message, html);
    }
}
