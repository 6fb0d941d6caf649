package dev.supervisor.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command string into words the way a POSIX shell splits them — single quotes, double quotes,
 * backslash escapes — without running a shell: {@code $VAR}, {@code |}, {@code ;}, {@code &&}, globs and
 * redirections stay literal characters of a word. Who wants shell features writes {@code ["sh", "-c", "..."]}.
 */
public final class ShellWords {
    private ShellWords() {}

    /** Thrown for unbalanced quotes or a trailing backslash; the caller adds where the text came from. */
    public static final class SyntaxError extends Exception {
        public SyntaxError(String message) {
            super(message);
        }
    }

    public static List<String> split(String text) throws SyntaxError {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) throw new SyntaxError("unbalanced single quote at character " + (i + 1));
                word.append(text, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(text, i, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= text.length()) throw new SyntaxError("trailing backslash");
                char next = text.charAt(i + 1);
                if (next != '\n') word.append(next); // backslash-newline is a line continuation, as in sh
                inWord = true;
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) words.add(word.toString());
        return words;
    }

    /** Inside double quotes a backslash escapes only {@code $ ` " \} and newline (POSIX 2.2.3). */
    private static int doubleQuoted(String text, int open, StringBuilder word) throws SyntaxError {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') return i + 1;
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next == '$' || next == '`' || next == '"' || next == '\\') {
                    word.append(next);
                    i += 2;
                    continue;
                }
                if (next == '\n') {
                    i += 2;
                    continue;
                }
            }
            word.append(c);
            i++;
        }
        throw new SyntaxError("unbalanced double quote at character " + (open + 1));
    }

    /** The inverse of {@link #split}, for display: words with spaces or shell characters are single-quoted. */
    public static String join(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (out.length() > 0) out.append(' ');
            if (!w.isEmpty() && w.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:,+@%".indexOf(c) >= 0)) {
                out.append(w);
            } else {
                out.append('\'').append(w.replace("'", "'\\''")).append('\'');
            }
        }
        return out.toString();
    }
}
