package dev.supervisor.vault;

import dev.supervisor.ExitCode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of ERB that secrets files use, run as yaml_vault's CLI runs ERB before parsing (FORMAT.md §1):
 * {@code <%= ENV['X'] %>} (empty when unset, as Ruby's nil.to_s), {@code <%= ENV.fetch('X') %>} (an error
 * when unset), {@code <%= ENV.fetch('X', 'default') %>}, {@code <%# comment %>} and {@code <%%} for a
 * literal {@code <%}. Anything else is an error naming the line, since we cannot run Ruby.
 * Values come from the map given, never from System.getenv directly.
 */
public final class Erb {
    private static final String NAME = "\\s*(['\"])([^'\"\\\\#]*)\\1\\s*";
    private static final Pattern ENV_INDEX = Pattern.compile("\\s*ENV\\s*\\[" + NAME + "\\]\\s*");
    private static final Pattern ENV_FETCH = Pattern.compile(
            "\\s*ENV\\.fetch\\s*\\(" + NAME + "(?:,\\s*(['\"])([^'\"\\\\#]*)\\3\\s*)?\\)\\s*");

    private Erb() {}

    public static boolean hasTags(String text) {
        return text.contains("<%");
    }

    public static String render(String text, Map<String, String> env, String file) {
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        while (true) {
            int open = text.indexOf("<%", pos);
            if (open < 0) break;
            out.append(text, pos, open);
            if (text.startsWith("<%%", open)) {
                out.append("<%");
                pos = open + 3;
                continue;
            }
            int line = lineOf(text, open);
            int close = text.indexOf("%>", open + 2);
            if (close < 0) throw error(file, line, "an ERB tag '<%' is not closed with '%>'");
            String code = text.substring(open + 2, close);
            if (code.startsWith("#")) {
                // comment: produces nothing
            } else if (code.startsWith("=")) {
                out.append(evaluate(code.substring(1), env, file, line));
            } else {
                throw error(file, line, "only <%= ENV['NAME'] %>, <%= ENV.fetch('NAME'[, 'default']) %> and "
                        + "<%# comments %> are supported in ERB");
            }
            pos = close + 2;
        }
        out.append(text, pos, text.length());
        return out.toString();
    }

    private static String evaluate(String expression, Map<String, String> env, String file, int line) {
        Matcher index = ENV_INDEX.matcher(expression);
        if (index.matches()) {
            String value = env.get(index.group(2));
            return value == null ? "" : value;
        }
        Matcher fetch = ENV_FETCH.matcher(expression);
        if (fetch.matches()) {
            String name = fetch.group(2);
            String value = env.get(name);
            if (value != null) return value;
            if (fetch.group(4) != null) return fetch.group(4);
            throw error(file, line, "ENV.fetch('" + name + "'): the environment variable " + name + " is not set");
        }
        throw error(file, line, "unsupported ERB expression; only ENV['NAME'] and ENV.fetch('NAME'[, 'default']) "
                + "with plain quoted strings are supported");
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    private static VaultException error(String file, int line, String message) {
        return new VaultException(ExitCode.CONFIG, "ErbError", "line " + line + ": " + message, file, null, -1, null);
    }
}
