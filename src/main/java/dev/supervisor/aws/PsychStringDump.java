package dev.supervisor.aws;

import java.util.regex.Pattern;

/**
 * Produces the exact text of Ruby's {@code YAML.dump(string)} as yaml_vault 1.3.2 runs it (Psych 4.0.3 over
 * libyaml 0.2.5), which is what the aws-kms cryptor encrypts (FORMAT.md §6). Two steps, as in Ruby:
 * <ol>
 *   <li>Psych ({@code YAMLTree#visit_String}) requests a style: literal for text with an inner line
 *       break, double-quoted when a line starts with a non-word character and holds no {@code "},
 *       single-quoted when {@code ScalarScanner#tokenize} would read it back as something other than a
 *       String, otherwise plain;</li>
 *   <li>libyaml ({@code yaml_emitter_analyze_scalar}, {@code yaml_emitter_select_scalar_style}) downgrades a
 *       style the text does not allow (plain → single → double; literal → double) and writes it, folding
 *       long plain and quoted text at the best width of 80 columns.</li>
 * </ol>
 * Approximations (documented, not met by yaml_vault's own strings in practice): Ruby's {@code [[:word:]]}
 * is taken as Java's Unicode {@code \w}; the Integer/Float recognisers follow Psych 4.0's regular expressions
 * but not its sexagesimal and time parsers' rarer corners ({@link PsychScalarScanner}).
 */
public final class PsychStringDump {

    private static final int FLAGS = Pattern.MULTILINE | Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS;
    /** {@code /\n(?!\Z)/}: a line break that is not the final one. */
    private static final Pattern INNER_BREAK = Pattern.compile("\n(?!\\Z)", FLAGS);
    /** {@code /^[^[:word:]][^"]*$/} with Ruby's line anchors. */
    private static final Pattern NON_WORD_LINE = Pattern.compile("^[^\\w][^\"]*$", FLAGS);
    /** {@code /\A0[0-7]*[89]/}: looks octal but is not; Psych quotes it so YAML 1.1 readers agree. */
    private static final Pattern FALSE_OCTAL = Pattern.compile("\\A0[0-7]*[89]");

    private PsychStringDump() {}

    /** {@code YAML.dump(s)} for a UTF-8 String {@code s}. */
    public static String dump(String s) {
        LibyamlScalarWriter out = new LibyamlScalarWriter();
        out.documentStart();
        if (s.equals("<<")) {
            // Psych tags the merge key explicitly so it does not load as a merge.
            out.tag("!!str");
            out.singleQuoted(s);
        } else {
            out.scalar(s, requestedStyle(s));
        }
        out.documentEnd();
        return out.text();
    }

    static ScalarStyle requestedStyle(String s) {
        if (INNER_BREAK.matcher(s).find()) return ScalarStyle.LITERAL;
        if (NON_WORD_LINE.matcher(s).find()) return ScalarStyle.DOUBLE_QUOTED;
        if (!PsychScalarScanner.readsAsString(s) || FALSE_OCTAL.matcher(s).find()) return ScalarStyle.SINGLE_QUOTED;
        return ScalarStyle.PLAIN;
    }

    enum ScalarStyle { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }
}
