package dev.supervisor.vault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test view of a document: every value node (scalars and aliases) by display path. */
final class NodeIndex {
    private NodeIndex() {}

    static Map<String, YamlNode> of(VaultDocument document) {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (YamlDocument doc : document.documents()) {
            List<Object> path = new ArrayList<>();
            path.add("$");
            walk(doc.root(), path, out);
        }
        return out;
    }

    private static void walk(YamlNode node, List<Object> path, Map<String, YamlNode> out) {
        if (node instanceof YamlNode.Sequence seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                path.add(i);
                walk(seq.items().get(i), path, out);
                path.remove(path.size() - 1);
            }
        } else if (node instanceof YamlNode.Mapping map) {
            for (YamlNode.Entry e : map.entries()) {
                path.add(((YamlNode.Scalar) e.key()).value());
                walk(e.value(), path, out);
                path.remove(path.size() - 1);
            }
        } else {
            out.put(DisplayPath.of(path), node);
        }
    }
}
