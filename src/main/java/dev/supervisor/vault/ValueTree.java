package dev.supervisor.vault;

import dev.supervisor.ExitCode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node tree as plain values for the environment: {@code Map<String,Object>} (source order),
 * {@code List<Object>}, {@code String} (the scalar text as written) and {@code null} (plain {@code ~},
 * {@code null} or nothing). Aliases and {@code <<} merge keys are resolved as Psych's loader does
 * (a merge overwrites keys set before it; later keys overwrite merged ones). Duplicate keys in one
 * mapping are an error here. Alias expansion is capped (billion laughs).
 */
public final class ValueTree {
    public static final int MAX_ALIAS_EXPANSIONS = 10_000;
    public static final int MAX_VALUES = 1_000_000;
    private static final String MERGE_KEY = "<<";

    private final String file;
    private final IdentityHashMap<YamlNode, Boolean> inProgress = new IdentityHashMap<>();
    private int aliases;
    private int values;

    private ValueTree(String file) {
        this.file = file;
    }

    public static Object of(YamlNode root, String file) {
        List<Object> path = new ArrayList<>();
        path.add("$");
        return new ValueTree(file).value(root, path);
    }

    private Object value(YamlNode node, List<Object> path) {
        if (++values > MAX_VALUES) throw error(path, "more than " + MAX_VALUES + " values");
        if (node instanceof YamlNode.Alias alias) {
            if (++aliases > MAX_ALIAS_EXPANSIONS) {
                throw error(path, "more than " + MAX_ALIAS_EXPANSIONS + " alias expansions (alias bomb?)");
            }
            return value(alias.target(), path);
        }
        if (node instanceof YamlNode.Scalar scalar) return scalar.isNull() ? null : scalar.value();
        if (inProgress.put(node, Boolean.TRUE) != null) throw error(path, "an alias refers to its own ancestor");
        try {
            return node instanceof YamlNode.Sequence seq ? sequence(seq, path) : mapping((YamlNode.Mapping) node, path);
        } finally {
            inProgress.remove(node);
        }
    }

    private List<Object> sequence(YamlNode.Sequence sequence, List<Object> path) {
        List<Object> out = new ArrayList<>(sequence.items().size());
        for (int i = 0; i < sequence.items().size(); i++) {
            path.add(i);
            out.add(value(sequence.items().get(i), path));
            path.remove(path.size() - 1);
        }
        return out;
    }

    private Map<String, Object> mapping(YamlNode.Mapping mapping, List<Object> path) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Boolean> written = new LinkedHashMap<>();
        for (YamlNode.Entry entry : mapping.entries()) {
            YamlNode keyNode = entry.key() instanceof YamlNode.Alias a ? a.target() : entry.key();
            if (!(keyNode instanceof YamlNode.Scalar key)) {
                throw error(path, "a mapping key is not a scalar (line " + entry.key().line() + ")");
            }
            path.add(key.value());
            Object value = value(entry.value(), path);
            if (isMerge(key) && merge(out, value)) {
                path.remove(path.size() - 1);
                continue;
            }
            if (written.put(key.value(), Boolean.TRUE) != null) {
                throw error(path, "duplicate key (line " + key.line() + ")");
            }
            out.put(key.value(), value);
            path.remove(path.size() - 1);
        }
        return out;
    }

    private static boolean isMerge(YamlNode.Scalar key) {
        return MERGE_KEY.equals(key.value()) && key.tag() == null && key.plainImplicit();
    }

    /** Psych: {@code <<} with a mapping or a list of mappings merges; anything else is a plain key. */
    @SuppressWarnings("unchecked")
    private static boolean merge(Map<String, Object> into, Object value) {
        if (value instanceof Map<?, ?> map) {
            into.putAll((Map<String, Object>) map);
            return true;
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(v -> v instanceof Map)) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (int i = list.size() - 1; i >= 0; i--) merged.putAll((Map<String, Object>) list.get(i));
            into.putAll(merged);
            return true;
        }
        return false;
    }

    private VaultException error(List<Object> path, String message) {
        return new VaultException(ExitCode.CONFIG, "InvalidYaml", message, file, DisplayPath.of(path), -1, null);
    }
}
