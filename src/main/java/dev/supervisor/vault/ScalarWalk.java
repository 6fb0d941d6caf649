package dev.supervisor.vault;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists every value scalar of a document with its yaml_vault path (FORMAT.md §2.2): "$", then mapping
 * key texts and sequence indexes. Mapping keys and aliases are never listed, so values reached only
 * through an alias or a merge key are left to their anchored node.
 */
final class ScalarWalk {
    /** Path segment for a mapping key that is not a scalar; only {@code *} matches it. */
    static final Object COMPLEX_KEY = new Object() {
        @Override
        public String toString() {
            return "?";
        }
    };

    record Located(YamlNode.Scalar scalar, List<Object> path) {
        String display() {
            return DisplayPath.of(path);
        }
    }

    private ScalarWalk() {}

    static List<Located> valueScalars(YamlNode root) {
        List<Located> out = new ArrayList<>();
        List<Object> path = new ArrayList<>();
        path.add("$");
        walk(root, path, out);
        return out;
    }

    private static void walk(YamlNode node, List<Object> path, List<Located> out) {
        if (node instanceof YamlNode.Scalar scalar) {
            out.add(new Located(scalar, List.copyOf(path)));
        } else if (node instanceof YamlNode.Sequence sequence) {
            for (int i = 0; i < sequence.items().size(); i++) {
                path.add(i);
                walk(sequence.items().get(i), path, out);
                path.remove(path.size() - 1);
            }
        } else if (node instanceof YamlNode.Mapping mapping) {
            for (YamlNode.Entry entry : mapping.entries()) {
                path.add(entry.key() instanceof YamlNode.Scalar key ? key.value() : COMPLEX_KEY);
                walk(entry.value(), path, out);
                path.remove(path.size() - 1);
            }
        }
    }
}
