package dev.supervisor.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code YAML.dump(str)} as Psych 4.0.3 / libyaml 0.2.5 write it: the table in FORMAT.md §6, and more. */
class PsychStringDumpTest {

    /** Inputs and outputs use Java escapes (\n), decoded before comparing. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            hogehoge              => --- hogehoge\\n
            2                     => --- '2'\\n
            123                   => --- '123'\\n
            3.14                  => --- '3.14'\\n
            yes                   => --- 'yes'\\n
            true                  => --- 'true'\\n
            null                  => --- 'null'\\n
            ~                     => --- "~"\\n
            ``                    => --- ''\\n
            `: x`                 => --- ": x"\\n
            a: b                  => --- 'a: b'\\n
            ` padded `            => --- " padded "\\n
            line1\\nline2\\n      => --- |\\n  line1\\n  line2\\n
            line1\\nline2         => --- |-\\n  line1\\n  line2\\n
            x\\n\\n               => --- "x\\\\n\\\\n"\\n
            日本語                 => --- 日本語\\n
            \\uD83D\\uDD11        => --- "\\\\U0001F511"\\n
            !ruby/range 1..10     => --- "!ruby/range 1..10"\\n
            """)
    void matchesTheFormatTable(String input, String expected) {
        assertEquals(unescape(expected), PsychStringDump.dump(unescape(input)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
            a\\tb                 => --- "a\\\\tb"\\n
            09                    => --- '09'\\n
            0x1F                  => --- '0x1F'\\n
            1_000                 => --- '1_000'\\n
            2024-01-31            => --- '2024-01-31'\\n
            2024-02-31            => --- 2024-02-31\\n
            .inf                  => --- ".inf"\\n
            no                    => --- 'no'\\n
            Off                   => --- 'Off'\\n
            nothing               => --- nothing\\n
            "quoted"              => --- '"quoted"'\\n
            it's                  => --- it's\\n
            a #b                  => --- 'a #b'\\n
            a#b                   => --- a#b\\n
            -dash                 => --- "-dash"\\n
            abc\\n                => --- 'abc\\n\\n  '\\n
            a\\nb\\n\\n           => --- |+\\n  a\\n  b\\n\\n...\\n
            \\nabc\\ndef          => --- |2-\\n\\n  abc\\n  def\\n
            a \\nb                => --- "a \\\\nb"\\n
            p@ss w0rd!            => --- p@ss w0rd!\\n
            """)
    void followsPsychAndLibyamlQuotingRules(String input, String expected) {
        assertEquals(unescape(expected), PsychStringDump.dump(unescape(input)));
    }

    @Test
    void mergeKeyIsTaggedAsString() {
        assertEquals("--- !!str '<<'\n", PsychStringDump.dump("<<"));
    }

    @Test
    void longPlainTextIsFoldedAfterColumnEighty() {
        String text = "The quick brown fox jumps over the lazy dog while the cat sleeps on a warm windowsill in June";
        assertEquals("--- The quick brown fox jumps over the lazy dog while the cat sleeps on a warm windowsill\n"
                + "  in June\n", PsychStringDump.dump(text));
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) { out.append(c); continue; }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '\\' -> out.append('\\');
                case 'u' -> { out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16)); i += 4; }
                default -> out.append('\\').append(n);
            }
        }
        return out.toString();
    }
}
