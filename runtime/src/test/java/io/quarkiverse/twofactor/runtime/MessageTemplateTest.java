package io.quarkiverse.twofactor.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

class MessageTemplateTest {

    @Test
    void rendersTheCodeTheMinutesTheAppAndMetaEntries() {
        MessageTemplate template = MessageTemplate.text("{app}: {code} for {meta.name}, {minutes} min, {meta.ids}",
                "message");

        assertEquals("Shop: 123456 for Ann, 5 min, [1,2]",
                template.render("123456", 5, "Shop", Map.of("name", "Ann", "ids", List.of(1, 2))));
    }

    @Test
    void aMissingMetaEntryIsNothingEvenWhenNamedLikeAMapMethod() {
        MessageTemplate template = MessageTemplate.text("{code}[{meta.size}][{meta.name}]", "message");

        assertEquals("42[][]", template.render("42", 1, "app", Map.of()));
        assertEquals("42[big][]", template.render("42", 1, "app", Map.of("size", "big")));
    }

    @Test
    void htmlTemplateEscapesEveryValueButNotItsOwnMarkup() {
        MessageTemplate template = MessageTemplate.html("<p>Hi <b>{meta.name}</b>, {app}</p>", "html");

        assertEquals("<p>Hi <b>&lt;i&gt;Zoë &amp; &quot;Co&quot;&lt;/i&gt;</b>, A&amp;B</p>",
                template.render("1", 1, "A&B", Map.of("name", "<i>Zoë & \"Co\"</i>")));
    }

    @Test
    void textTemplateLeavesValuesAsTheyAre() {
        assertEquals("<i>x</i>", MessageTemplate.text("{meta.name}", "message")
                .render("1", 1, "app", Map.of("name", "<i>x</i>")));
    }

    @Test
    void unknownPlaceholderFailsNamingWhereItIs() {
        for (String text : List.of("{cod}", "{meta}", "{meta.a.b}", "{code.length}", "{#for x in meta}{x}{/for}",
                "{inject:bean}")) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> MessageTemplate.text(text, "quarkus.two-factor.senders.\"sms\".message"), text);
            assertTrue(e.getMessage().startsWith("quarkus.two-factor.senders.\"sms\".message "), e.getMessage());
        }
    }

    @Test
    void malformedTemplateFailsNamingWhereItIs() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> MessageTemplate.text("{#if code}unclosed", "messages_de.properties key message"));
        assertTrue(e.getMessage().startsWith("messages_de.properties key message is not a valid template"),
                e.getMessage());
    }

    @Test
    void knowsWhetherItShowsTheCode() {
        assertTrue(MessageTemplate.text("Code: {code}", "message").showsCode());
        assertFalse(MessageTemplate.text("Code: {meta.code}", "message").showsCode());
    }
}
