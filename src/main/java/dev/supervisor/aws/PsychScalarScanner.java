package dev.supervisor.aws;

import java.util.regex.Pattern;

/**
 * The part of Psych 4.0's {@code ScalarScanner#tokenize} that decides whether a plain scalar reads back as a
 * String. {@code YAML.dump} quotes every string for which this is false ("123", "true", "~", "2024-01-31").
 * Patterns are Psych's, with Ruby's line anchors ({@code ^} / {@code $} match at every line).
 */
final class PsychScalarScanner {
    private static final int FLAGS = Pattern.MULTILINE | Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS;

    /** "Check for a String type, being careful not to get caught by hash keys, hex values, and special floats". */
    private static final Pattern STRINGISH =
            Pattern.compile("^[^\\d.:-]?[\\p{IsAlphabetic}_\\s!@#$%^&*(){}<>|/\\\\~;=]+", FLAGS);
    private static final Pattern TIME = Pattern.compile(
            "^-?\\d{4}-\\d{1,2}-\\d{1,2}(?:[Tt]|\\s+)\\d{1,2}:\\d\\d:\\d\\d(?:\\.\\d*)?(?:\\s*(?:Z|[-+]\\d{1,2}:?(?:\\d\\d)?))?$",
            FLAGS);
    private static final Pattern DATE = Pattern.compile("^\\d{4}-(?:1[012]|0\\d|\\d)-(?:[12]\\d|3[01]|0\\d|\\d)$", FLAGS);
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("^(?:[-+]?\\.inf|\\.nan)$", FLAGS | Pattern.CASE_INSENSITIVE);
    private static final Pattern SYMBOL = Pattern.compile("^:.", FLAGS);
    private static final Pattern SEXAGESIMAL = Pattern.compile("^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}(\\.[0-9_]*)?$", FLAGS);
    private static final Pattern FLOAT = Pattern.compile("^(?:[-+]?([0-9][0-9_,]*)?\\.[0-9]*([eE][-+][0-9]+)?)$", FLAGS);
    private static final Pattern LONE_DOT = Pattern.compile("\\A[-+]?\\.\\z");
    private static final Pattern INTEGER = Pattern.compile(
            "^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$", FLAGS);
    private static final Pattern NULL_WORD = Pattern.compile("^null$", FLAGS | Pattern.CASE_INSENSITIVE);
    private static final Pattern BOOL_WORD = Pattern.compile("^(yes|true|on|no|false|off)$", FLAGS | Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_BOOL_START = Pattern.compile("^[^ytonf~]", FLAGS | Pattern.CASE_INSENSITIVE);

    private PsychScalarScanner() {}

    static boolean readsAsString(String s) {
        if (s.isEmpty()) return false;
        if (STRINGISH.matcher(s).find() || s.indexOf('\n') >= 0) {
            if (s.length() > 5) return true;
            if (NOT_BOOL_START.matcher(s).find()) return true;
            if (s.equals("~") || NULL_WORD.matcher(s).find()) return false;
            return !BOOL_WORD.matcher(s).find();
        }
        if (TIME.matcher(s).find()) return false; // a Time unless Ruby cannot build it; rare enough to ignore
        if (DATE.matcher(s).find()) return !validDate(s);
        if (SPECIAL_FLOAT.matcher(s).find()) return false;
        if (SYMBOL.matcher(s).find()) return false;
        if (SEXAGESIMAL.matcher(s).find()) return false;
        if (FLOAT.matcher(s).find()) return LONE_DOT.matcher(s).find();
        return !INTEGER.matcher(s).find();
    }

    /** Psych returns the string itself when {@code Date.strptime} rejects it (2024-02-31). */
    private static boolean validDate(String s) {
        String line = s.lines().filter(l -> DATE.matcher(l).matches()).findFirst().orElse(s);
        String[] p = line.split("-");
        try {
            java.time.LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
