package io.quarkiverse.twofactor.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The languages the senders' messages are offered in: the default one, whose texts are the senders' configuration,
 * and the others, whose texts come from the application's files {@code two-factor/messages_TAG.properties}. Every file
 * is read and its keys checked at startup.
 */
@Singleton
public class MessageLanguages {

    private static final String PROPERTY = "quarkus.two-factor.messages.languages";
    private static final Set<String> TEXTS = Set.of("message", "subject", "html");

    private final Locale defaultLanguage;
    /** The other languages' files, in the configured order. */
    private final Map<Locale, Properties> files = new LinkedHashMap<>();
    /** Every language offered, the default first. */
    private final List<Locale> offered = new ArrayList<>();

    /** A text of a language file, and where it is, for the startup errors. */
    record Text(String text, String where) {
    }

    @Inject
    MessageLanguages(TwoFactorConfig config) {
        defaultLanguage = language(config.messages().defaultLanguage(), "quarkus.two-factor.messages.default-language");
        offered.add(defaultLanguage);
        for (String tag : config.messages().languages().orElse(List.of())) {
            Locale language = language(tag, PROPERTY);
            if (offered.contains(language)) {
                throw new ConfigurationException(PROPERTY + " names '" + tag + "' twice, or the default language");
            }
            offered.add(language);
            files.put(language, read(fileOf(language), config.senders().keySet()));
        }
    }

    private static Locale language(String tag, String property) {
        Locale language = Locale.forLanguageTag(tag);
        if (language.getLanguage().isEmpty() || !language.toLanguageTag().equalsIgnoreCase(tag)) {
            throw new ConfigurationException(property + " holds '" + tag + "', which is not a language tag such as"
                    + " 'de' or 'pt-BR'");
        }
        return language;
    }

    private static String fileOf(Locale language) {
        return "two-factor/messages_" + language.toLanguageTag() + ".properties";
    }

    /** Reads a language file and refuses a key that names no text, or a sender that is not configured. */
    private static Properties read(String file, Set<String> senderKeys) {
        Properties texts = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new ConfigurationException(PROPERTY + " offers a language whose file " + file
                        + " is not on the class path");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        for (String key : texts.stringPropertyNames()) {
            int dot = key.lastIndexOf('.');
            String text = key.substring(dot + 1);
            String sender = dot < 0 ? null : key.substring(0, dot);
            if (!TEXTS.contains(text) || sender != null && !senderKeys.contains(sender)) {
                throw new ConfigurationException(file + " has the key '" + key + "'; keys are message, subject and"
                        + " html, alone or after a configured sender's key (such as sms.message)");
            }
        }
        return texts;
    }

    /** The language of the senders' configured texts. */
    Locale defaultLanguage() {
        return defaultLanguage;
    }

    /** The languages offered besides the default one. */
    List<Locale> others() {
        return List.copyOf(files.keySet());
    }

    /** A sender's text in a language's file: the sender's own key first, then the key for every sender. */
    Optional<Text> text(Locale language, String senderKey, String name) {
        Properties texts = files.get(language);
        String file = fileOf(language);
        String own = texts.getProperty(senderKey + "." + name);
        if (own != null) {
            return Optional.of(new Text(own, file + " key " + senderKey + "." + name));
        }
        return Optional.ofNullable(texts.getProperty(name)).map(text -> new Text(text, file + " key " + name));
    }

    /**
     * The language offered that best matches an {@code Accept-Language} header; the default language when the header
     * is missing or malformed or matches none.
     */
    public Locale bestMatch(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return defaultLanguage;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), offered);
            return match == null ? defaultLanguage : match;
        } catch (IllegalArgumentException e) {
            return defaultLanguage;
        }
    }

    /** The language offered that best matches {@code wanted}; the default language when it is null or matches none. */
    public Locale bestMatch(Locale wanted) {
        return wanted == null ? defaultLanguage : bestMatch(wanted.toLanguageTag());
    }
}
