package dev.supervisor.vault;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a Ruby (Onigmo) regex source into an equivalent java.util.regex Pattern for the constructs
 * key paths use. Differences handled: {@code ^ $} are always line anchors in Ruby (MULTILINE); only
 * {@code \n} ends a line (UNIX_LINES); Ruby's {@code (?m)} is Java's DOTALL {@code (?s)}; {@code \h} is a
 * hex digit in Ruby but horizontal space in Java; POSIX brackets {@code [[:alpha:]]}; {@code (?#…)}
 * comments; {@code {,n}} and a {@code {} that is no quantifier.
 */
final class RubyRegex {
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alpha", "Alpha"), Map.entry("digit", "Digit"), Map.entry("alnum", "Alnum"),
            Map.entry("upper", "Upper"), Map.entry("lower", "Lower"), Map.entry("space", "Space"),
            Map.entry("punct", "Punct"), Map.entry("xdigit", "XDigit"), Map.entry("cntrl", "Cntrl"),
            Map.entry("print", "Print"), Map.entry("graph", "Graph"), Map.entry("blank", "Blank"),
            Map.entry("ascii", "ASCII"));
    private static final Pattern QUANTIFIER = Pattern.compile("\\{(\\d*)(,(\\d*))?\\}");

    private RubyRegex() {}

    static Pattern compile(String rubySource, String keyPath) {
        try {
            return Pattern.compile(translate(rubySource), Pattern.MULTILINE | Pattern.UNIX_LINES);
        } catch (PatternSyntaxException e) {
            throw new VaultException("InvalidPathFormat", "key path '" + keyPath + "': the regex /" + rubySource
                    + "/ is not valid: " + e.getDescription());
        }
    }

    static String translate(String src) {
        StringBuilder out = new StringBuilder();
        int classDepth = 0;
        for (int i = 0; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\' && i + 1 < src.length()) {
                char n = src.charAt(++i);
                if (n == 'h') out.append(classDepth > 0 ? "0-9a-fA-F" : "[0-9a-fA-F]");
                else if (n == 'H') out.append(classDepth > 0 ? "\\x00-/:-@G-`g-\\x{10FFFF}" : "[^0-9a-fA-F]");
                else out.append('\\').append(n);
            } else if (classDepth > 0 && c == '[' && src.startsWith("[:", i)) {
                int end = src.indexOf(":]", i + 2);
                String name = end < 0 ? null : src.substring(i + 2, end);
                boolean negated = name != null && name.startsWith("^");
                String javaName = name == null ? null : name.equals(negated ? "^word" : "word") ? "w"
                        : POSIX.get(negated ? name.substring(1) : name);
                if (javaName == null) {
                    out.append("\\[");
                } else {
                    out.append(javaName.equals("w") ? (negated ? "\\W" : "\\w")
                            : (negated ? "\\P{" : "\\p{") + javaName + "}");
                    i = end + 1;
                }
            } else if (c == '[') {
                classDepth++;
                out.append(c);
            } else if (c == ']' && classDepth > 0) {
                classDepth--;
                out.append(c);
            } else if (classDepth == 0 && c == '(' && src.startsWith("(?#", i)) {
                int end = src.indexOf(')', i);
                i = end < 0 ? src.length() : end;
            } else if (classDepth == 0 && c == '(' && src.startsWith("(?", i)) {
                i = translateGroupFlags(src, i, out);
            } else if (classDepth == 0 && c == '{') {
                i = translateBrace(src, i, out);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Ruby's option letters: m = dot matches newline (Java s); i and x are the same. */
    private static int translateGroupFlags(String src, int start, StringBuilder out) {
        int i = start + 2;
        StringBuilder flags = new StringBuilder();
        while (i < src.length() && "mix-".indexOf(src.charAt(i)) >= 0) {
            char f = src.charAt(i++);
            flags.append(f == 'm' ? 's' : f);
        }
        if (flags.length() > 0 && i < src.length() && (src.charAt(i) == ':' || src.charAt(i) == ')')) {
            out.append("(?").append(flags);
            return i - 1;
        }
        out.append("(?");
        return start + 1;
    }

    /** Ruby reads a brace that is no valid quantifier as a literal; {@code {,n}} means {@code {0,n}}. */
    private static int translateBrace(String src, int start, StringBuilder out) {
        var m = QUANTIFIER.matcher(src).region(start, src.length());
        if (m.lookingAt() && !(m.group(1).isEmpty() && (m.group(2) == null || m.group(3).isEmpty()))) {
            out.append('{').append(m.group(1).isEmpty() ? "0" : m.group(1));
            if (m.group(2) != null) out.append(',').append(m.group(3));
            out.append('}');
            return m.end() - 1;
        }
        out.append("\\{");
        return start;
    }
}
