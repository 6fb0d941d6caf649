package dev.supervisor.config;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One YAML mapping of {@code supervisor.yml} with typed, position-aware access: every error names
 * {@code file:line:column} and where in the config the key sits ("in mode 'web'"). Unknown keys are errors
 * with a did-you-mean hint; YAML merge keys ({@code <<: *defaults}) are honoured, explicit keys winning.
 */
final class ConfigMapping {
    private final String file;
    private final String where;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private ConfigMapping(String file, String where, MappingNode node) {
        this.file = file;
        this.where = where;
        this.node = node;
        collect(node, true);
    }

    /** {@code where} reads after a key name: "" at the top, " in mode 'web'", " in secrets". */
    static ConfigMapping of(String file, String where, String what, Node node) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(file, node, what + where + " must be a mapping of keys to values, got " + describe(node));
        }
        return new ConfigMapping(file, where, mapping);
    }

    private void collect(MappingNode mapping, boolean explicit) {
        List<Node> merges = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            if (key.getTag().equals(Tag.MERGE)) {
                merges.add(tuple.getValueNode());
                continue;
            }
            if (!(key instanceof ScalarNode scalar)) throw error(key, "keys must be plain words" + where);
            String name = scalar.getValue();
            if (explicit && entries.containsKey(name)) throw error(key, "duplicate key '" + name + "'" + where);
            entries.putIfAbsent(name, tuple);
        }
        for (Node merge : merges) {
            if (merge instanceof MappingNode m) {
                collect(m, false);
            } else if (merge instanceof SequenceNode seq) {
                for (Node item : seq.getValue()) {
                    if (!(item instanceof MappingNode m)) throw error(item, "'<<' merges only mappings" + where);
                    collect(m, false);
                }
            } else {
                throw error(merge, "'<<' merges only mappings" + where);
            }
        }
    }

    String file() {
        return file;
    }

    String where() {
        return where;
    }

    Node node() {
        return node;
    }

    /** Keys in file order, merged keys after explicit ones. */
    Set<String> keys() {
        return entries.keySet();
    }

    void allowOnly(List<String> known) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (known.contains(e.getKey())) continue;
            String hint = KeySuggestion.closest(e.getKey(), known)
                    .map(s -> " (did you mean '" + s + "'?)")
                    .orElse(" (known keys: " + String.join(", ", known) + ")");
            throw error(e.getValue().getKeyNode(), "unknown key '" + e.getKey() + "'" + where + hint);
        }
    }

    /** The value node, or null when the key is absent or its value is YAML null ({@code key:} or {@code ~}). */
    Node value(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) return null;
        return tuple.getValueNode();
    }

    /** Where the key itself is written, for errors about a key that is present. */
    Node keyNode(String key) {
        return entries.get(key).getKeyNode();
    }

    String string(String key) {
        Node v = value(key);
        return v == null ? null : scalarText(v, "'" + key + "'" + where + " must be a string");
    }

    Boolean bool(String key) {
        Node v = value(key);
        if (v == null) return null;
        if (v instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return switch (s.getValue().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                default -> false;
            };
        }
        throw error(v, "'" + key + "'" + where + " must be true or false, got " + describe(v));
    }

    Integer positiveInt(String key) {
        Node v = value(key);
        if (v == null) return null;
        if (v instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            try {
                int n = Integer.parseInt(s.getValue().replace("_", ""));
                if (n > 0) return n;
            } catch (NumberFormatException ignored) {
                // falls through to the error below
            }
        }
        throw error(v, "'" + key + "'" + where + " must be a positive whole number, got " + describe(v));
    }

    Duration duration(String key) {
        Node v = value(key);
        if (v == null) return null;
        String text = scalarText(v, "'" + key + "'" + where + " must be a duration such as 25s");
        if (text.matches("\\d+") && !text.equals("0")) {
            throw error(v, "'" + key + "'" + where + " needs a unit: write " + text + "s (or 500ms, 2m, 1m30s)");
        }
        try {
            return Durations.parse(text);
        } catch (dev.supervisor.SupervisorException e) {
            throw error(v, "'" + key + "'" + where + ": " + e.getMessage());
        }
    }

    List<String> stringList(String key) {
        Node v = value(key);
        if (v == null) return null;
        if (!(v instanceof SequenceNode seq)) {
            throw error(v, "'" + key + "'" + where + " must be a list, got " + describe(v));
        }
        List<String> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            out.add(scalarText(item, "items of '" + key + "'" + where + " must be strings"));
        }
        return out;
    }

    /** A mapping of names to scalar values, in file order (env, signals). Values may not be null. */
    Map<String, String> stringMap(String key) {
        Node v = value(key);
        if (v == null) return null;
        ConfigMapping inner = of(file, where, "'" + key + "'", v);
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : inner.keys()) {
            Node item = inner.entries.get(k).getValueNode();
            if (isNull(item)) {
                throw error(item, "'" + key + "." + k + "'" + where + " has no value (write \"\" for an empty one)");
            }
            out.put(k, scalarText(item, "'" + key + "." + k + "'" + where + " must be a string"));
        }
        return out;
    }

    ConfigMapping mapping(String key, String innerWhere) {
        Node v = value(key);
        return v == null ? null : of(file, innerWhere, "'" + key + "'", v);
    }

    /** Scalars of any implicit type keep their text as written: {@code salt: 1234} is the string "1234". */
    String scalarText(Node v, String expectation) {
        if (v instanceof ScalarNode s && !isNull(s)) return s.getValue();
        throw error(v, expectation + ", got " + describe(v));
    }

    ConfigException error(Node at, String message) {
        return error(file, at, message);
    }

    static ConfigException error(String file, Node at, String message) {
        if (at == null || at.getStartMark() == null) return new ConfigException(file + ": " + message);
        return new ConfigException(file + ":" + (at.getStartMark().getLine() + 1) + ":"
                + (at.getStartMark().getColumn() + 1) + ": " + message);
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    static String describe(Node n) {
        if (n instanceof MappingNode) return "a mapping";
        if (n instanceof SequenceNode) return "a list";
        if (isNull(n)) return "nothing (null)";
        ScalarNode s = (ScalarNode) n;
        String kind = s.getTag().equals(Tag.BOOL) ? "boolean" : s.getTag().equals(Tag.INT) ? "number"
                : s.getTag().equals(Tag.FLOAT) ? "number" : "string";
        return kind + " '" + s.getValue() + "'";
    }
}
