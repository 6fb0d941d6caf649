package dev.supervisor.vault;

import java.util.Set;

/** {@code Symbol#inspect}: {@code :name} for names Ruby can write bare, {@code :"…"} otherwise. */
final class RubySymbols {
    private static final Set<String> OPERATORS = Set.of("+", "-", "*", "/", "%", "**", "==", "===", "!=", "=~",
            "!~", "<", "<=", ">", ">=", "<=>", "<<", ">>", "!", "~", "+@", "-@", "[]", "[]=", "&", "|", "^", "`");

    private RubySymbols() {}

    static String inspect(String name) {
        if (isBare(name)) return ":" + name;
        StringBuilder out = new StringBuilder(":\"");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\u001b' -> out.append("\\e");
                case '#' -> out.append(i + 1 < name.length() && "{$@".indexOf(name.charAt(i + 1)) >= 0 ? "\\#" : "#");
                default -> {
                    if (c < 0x20 || c == 0x7f) out.append(String.format("\\x%02X", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean isBare(String name) {
        if (OPERATORS.contains(name)) return true;
        String rest = name;
        if (rest.startsWith("@@")) rest = rest.substring(2);
        else if (rest.startsWith("@") || rest.startsWith("$")) rest = rest.substring(1);
        boolean prefixed = rest.length() != name.length();
        if (!prefixed && (rest.endsWith("?") || rest.endsWith("!") || rest.endsWith("="))) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return isIdentifier(rest);
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean word = c == '_' || (c < 128 && Character.isLetterOrDigit(c)) || c >= 128;
            if (!word) return false;
        }
        return true;
    }
}
