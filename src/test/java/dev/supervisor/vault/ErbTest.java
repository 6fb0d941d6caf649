package dev.supervisor.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ErbTest {
    private static final Map<String, String> ENV = Map.of("DB_HOST", "db.internal", "EMPTY", "");

    private static String render(String text) {
        return Erb.render(text, ENV, "secrets.yml");
    }

    @Test
    void substitutesEnvIndexWithEitherQuotes() {
        assertEquals("host: db.internal db.internal", render("host: <%= ENV['DB_HOST'] %> <%=ENV[\"DB_HOST\"]%>"));
    }

    @Test
    void unsetEnvIndexIsEmptyLikeNilToS() {
        assertEquals("x: ", render("x: <%= ENV['NOPE'] %>"));
    }

    @Test
    void fetchUsesValueOrDefault() {
        assertEquals("a: db.internal b: fallback c: ", render(
                "a: <%= ENV.fetch('DB_HOST') %> b: <%= ENV.fetch('NOPE', 'fallback') %> c: <%= ENV.fetch(\"EMPTY\") %>"));
    }

    @Test
    void fetchOfUnsetVariableNamesItAndTheLine() {
        VaultException e = assertThrows(VaultException.class, () -> render("a: 1\nb: <%= ENV.fetch('MISSING') %>"));
        assertTrue(e.getMessage().contains("MISSING") && e.getMessage().contains("line 2"), e.getMessage());
        assertEquals("secrets.yml", e.file());
    }

    @Test
    void commentsVanishAndDoublePercentIsLiteral() {
        assertEquals("a: 1\nb: <%= x %>", render("a: 1<%# note %>\nb: <%%= x %>"));
    }

    @Test
    void arbitraryRubyIsRejectedWithLine() {
        VaultException e = assertThrows(VaultException.class, () -> render("\n\n<% system('id') %>"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertThrows(VaultException.class, () -> render("<%= 1 + 1 %>"));
        assertThrows(VaultException.class, () -> render("<%= ENV[\"#{x}\"] %>"));
    }

    @Test
    void unclosedTagIsAnError() {
        assertThrows(VaultException.class, () -> render("a: <%= ENV['X']"));
    }

    @Test
    void textWithoutTagsIsUnchanged() {
        assertEquals("a: 100% sure", render("a: 100% sure"));
    }
}
