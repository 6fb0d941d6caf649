package dev.supervisor.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShellWordsTest {
    private static List<String> split(String s) throws ShellWords.SyntaxError {
        return ShellWords.split(s);
    }

    @Test
    void whitespaceSeparatesWords() throws Exception {
        assertEquals(List.of("bundle", "exec", "puma"), split("  bundle\texec \n puma "));
    }

    @Test
    void singleQuotesKeepEverythingLiteral() throws Exception {
        assertEquals(List.of("echo", "a \"b\" \\c $HOME"), split("echo 'a \"b\" \\c $HOME'"));
    }

    @Test
    void doubleQuotesHonourOnlyTheirFourEscapes() throws Exception {
        assertEquals(List.of("say", "a \"q\" $x \\n \\"), split("say \"a \\\"q\\\" \\$x \\n \\\\\""));
    }

    @Test
    void backslashEscapesOutsideQuotes() throws Exception {
        assertEquals(List.of("a b", "c"), split("a\\ b c"));
    }

    @Test
    void adjacentQuotedPartsJoinOneWord() throws Exception {
        assertEquals(List.of("--name=hello world"), split("--name='hello world'"));
        assertEquals(List.of(""), split("''"));
    }

    @Test
    void shellOperatorsStayLiteral() throws Exception {
        assertEquals(List.of("echo", "$HOME", "|", "cat;", "&&", "*"), split("echo $HOME | cat; && *"));
    }

    @Test
    void unbalancedQuotesAreErrors() {
        assertEquals("unbalanced single quote at character 6",
                assertThrows(ShellWords.SyntaxError.class, () -> split("echo 'hi")).getMessage());
        assertEquals("unbalanced double quote at character 6",
                assertThrows(ShellWords.SyntaxError.class, () -> split("echo \"hi")).getMessage());
        assertEquals("trailing backslash", assertThrows(ShellWords.SyntaxError.class, () -> split("echo \\")).getMessage());
    }

    @Test
    void joinQuotesWhatSplitWouldSeparate() throws Exception {
        List<String> words = List.of("sh", "-c", "echo it's | cat", "", "plain-word");
        String joined = ShellWords.join(words);
        assertEquals("sh -c 'echo it'\\''s | cat' '' plain-word", joined);
        assertEquals(words, split(joined));
    }
}
