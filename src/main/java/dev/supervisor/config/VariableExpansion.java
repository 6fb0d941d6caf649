package dev.supervisor.config;

import java.util.Map;

/**
 * {@code ${VAR}}, {@code ${VAR:-default}} (default when VAR is unset or empty, as in sh) and {@code $$}
 * (a literal {@code $}) in mode {@code env} values and {@code workdir}. {@code $VAR} without braces is an
 * error rather than a silent literal, since it almost always means {@code ${VAR}}; a {@code $} before
 * anything else stays as it is. Defaults are literal text (no nested expansion).
 */
public final class VariableExpansion {
    private VariableExpansion() {}

    /** The problem, without the value of anything: the caller adds the mode and key. */
    public static final class Failure extends Exception {
        public Failure(String message) {
            super(message);
        }
    }

    public static String expand(String text, Map<String, String> env) throws Failure {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int close = text.indexOf('}', i + 2);
                if (close < 0) throw new Failure("unclosed '${' at character " + (i + 1));
                out.append(substitute(text.substring(i + 2, close), env));
                i = close + 1;
            } else if (Character.isLetter(next) || next == '_') {
                int end = i + 1;
                while (end < text.length() && isNameChar(text.charAt(end))) end++;
                String name = text.substring(i + 1, end);
                throw new Failure("write ${" + name + "} for the variable " + name + " (or $$" + name + " for a literal $)");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String substitute(String inside, Map<String, String> env) throws Failure {
        int sep = inside.indexOf(":-");
        String name = sep < 0 ? inside : inside.substring(0, sep);
        if (name.isEmpty() || !name.chars().allMatch(ch -> isNameChar((char) ch)) || Character.isDigit(name.charAt(0))) {
            throw new Failure("'${" + inside + "}' is not a variable reference (use ${NAME} or ${NAME:-default})");
        }
        String value = env.get(name);
        if (sep >= 0) return value == null || value.isEmpty() ? inside.substring(sep + 2) : value;
        if (value == null) throw new Failure("variable " + name + " is not set (use ${" + name + ":-default} for a fallback)");
        return value;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) && c < 128 || c == '_';
    }
}
