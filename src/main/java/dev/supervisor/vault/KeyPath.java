package dev.supervisor.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A yaml_vault target key path ({@code --key}), parsed as YamlVault::KeyParser does (FORMAT.md §2.1)
 * and matched against node paths by yaml_vault's rule (§2.3): prefix semantics, {@code *} matching
 * even past the end of the path, regexes searched unanchored, symbols compared by their inspect form.
 */
public final class KeyPath {
    /** Ruby StringScanner tokens, tried in this order at the current position. */
    private static final Pattern SINGLE_QUOTED = Pattern.compile("'(.*?)'", Pattern.UNIX_LINES);
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"(.*?)\"", Pattern.UNIX_LINES);
    private static final Pattern REGEX = Pattern.compile("/(.*?)/", Pattern.UNIX_LINES);
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");
    private static final Pattern SYMBOL = Pattern.compile(":([^.]+)");
    private static final Pattern LITERAL = Pattern.compile("[^.]*");
    /** yaml_vault's CLI splits the --key list with /,\s?/. */
    private static final Pattern CLI_SEPARATOR = Pattern.compile(",\\s?");

    /** One segment of a target path. */
    public sealed interface Segment permits Key, Wildcard, Regex, Index, Symbol {}

    public record Key(String text) implements Segment {}

    public record Wildcard() implements Segment {}

    public record Regex(String source, Pattern pattern) implements Segment {}

    public record Index(int index) implements Segment {}

    /** A Ruby Symbol; matches the key text equal to {@code Symbol#inspect}, e.g. {@code ":name"}. */
    public record Symbol(String name) implements Segment {
        public String inspect() {
            return RubySymbols.inspect(name);
        }
    }

    private final String source;
    private final List<Segment> segments;

    private KeyPath(String source, List<Segment> segments) {
        this.source = source;
        this.segments = List.copyOf(segments);
    }

    public String source() {
        return source;
    }

    public List<Segment> segments() {
        return segments;
    }

    /** The default target: the whole document. */
    public static KeyPath root() {
        return parse("$");
    }

    /** Splits a {@code -k} value the way yaml_vault's CLI does, then parses each path. */
    public static List<KeyPath> parseList(String cliValue) {
        List<KeyPath> out = new ArrayList<>();
        for (String part : rubySplit(cliValue)) out.add(parse(part));
        return out;
    }

    private static List<String> rubySplit(String text) {
        List<String> parts = new ArrayList<>(List.of(CLI_SEPARATOR.split(text, -1)));
        while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) parts.remove(parts.size() - 1);
        return parts;
    }

    public static KeyPath parse(String text) {
        List<Segment> segments = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            Matcher m;
            if ((m = at(SINGLE_QUOTED, text, pos)) != null || (m = at(DOUBLE_QUOTED, text, pos)) != null) {
                segments.add(new Key(m.group(1)));
            } else if ((m = at(REGEX, text, pos)) != null) {
                segments.add(new Regex(m.group(1), RubyRegex.compile(m.group(1), text)));
            } else if ((m = at(INDEX, text, pos)) != null) {
                segments.add(new Index(parseIndex(m.group(1), text)));
            } else if ((m = at(SYMBOL, text, pos)) != null) {
                segments.add(new Symbol(m.group(1)));
            } else if (text.charAt(pos) == '.') {
                pos++;
                continue;
            } else {
                m = at(LITERAL, text, pos);
                String literal = m.group();
                segments.add(literal.equals("*") ? new Wildcard() : new Key(literal));
            }
            pos = m.end();
        }
        if (segments.isEmpty() || !segments.get(0).equals(new Key("$"))) {
            throw new VaultException("InvalidPathFormat",
                    "key path '" + text + "' must start with '$' (for example $.production.aws)");
        }
        return new KeyPath(text, segments);
    }

    private static Matcher at(Pattern pattern, String text, int pos) {
        Matcher m = pattern.matcher(text);
        m.region(pos, text.length());
        return m.lookingAt() ? m : null;
    }

    private static int parseIndex(String digits, String path) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new VaultException("InvalidPathFormat", "sequence index too large in key path '" + path + "'");
        }
    }

    /**
     * Whether a value scalar at {@code path} (Strings for mapping keys, Integers for sequence indexes,
     * starting with "$") is targeted. A regex tried on a sequence index is an error, as in yaml_vault
     * (Ruby raises TypeError there); the segments are tried in order, stopping at the first mismatch.
     */
    public boolean matches(List<Object> path) {
        for (int i = 0; i < segments.size(); i++) {
            Segment target = segments.get(i);
            Object actual = i < path.size() ? path.get(i) : null;
            if (!segmentMatches(target, actual)) return false;
        }
        return true;
    }

    private boolean segmentMatches(Segment target, Object actual) {
        if (target instanceof Wildcard) return true;
        if (actual == null) return false;
        if (target instanceof Regex regex) {
            if (actual instanceof Integer index) {
                throw new VaultException("InvalidPathFormat", "key path '" + source + "': the regex /"
                        + regex.source() + "/ meets the sequence index [" + index + "]; yaml_vault stops with a "
                        + "TypeError here. Use * or [N] for sequence levels");
            }
            return actual instanceof String s && regex.pattern().matcher(s).find();
        }
        if (target instanceof Symbol symbol) return symbol.inspect().equals(actual);
        if (target instanceof Index index) return actual instanceof Integer i && i == index.index();
        return actual instanceof String s && s.equals(((Key) target).text());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyPath other && other.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source);
    }

    @Override
    public String toString() {
        return source;
    }
}
