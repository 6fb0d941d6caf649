package dev.supervisor.vault;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;

/**
 * A YAML node as Psych's node tree keeps it: exactly the attributes of the libyaml event (anchor, tag,
 * implicit flags, style), so the tree can be written back as yaml_vault writes it. Data binding would
 * lose tags, styles and aliases (see notes/yaml-fidelity.md).
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping, YamlNode.Alias {

    String anchor();

    /** 1-based line of the node in the source, for messages. */
    int line();

    /**
     * A scalar. {@code plainImplicit}/{@code quotedImplicit} are libyaml's flags: plain untagged scalars
     * are plain-implicit, quoted untagged ones quoted-implicit, tagged ones neither. yaml_vault changes
     * value, tag and these flags; the emitter derives quoting and a {@code !} from them (FORMAT.md §3.6).
     */
    final class Scalar implements YamlNode {
        private final String anchor;
        private final int line;
        private final ScalarStyle style;
        private String value;
        private String tag;
        private boolean plainImplicit;
        private final boolean quotedImplicit;

        public Scalar(String anchor, String tag, boolean plainImplicit, boolean quotedImplicit, String value,
                      ScalarStyle style, int line) {
            this.anchor = anchor;
            this.tag = tag;
            this.plainImplicit = plainImplicit;
            this.quotedImplicit = quotedImplicit;
            this.value = value;
            this.style = style;
            this.line = line;
        }

        @Override public String anchor() { return anchor; }
        @Override public int line() { return line; }
        public String value() { return value; }
        public String tag() { return tag; }
        public ScalarStyle style() { return style; }
        public boolean plainImplicit() { return plainImplicit; }
        public boolean quotedImplicit() { return quotedImplicit; }

        void replace(String newValue, String newTag, boolean newPlainImplicit) {
            this.value = newValue;
            this.tag = newTag;
            this.plainImplicit = newPlainImplicit;
        }

        /** Untagged plain text that YAML's core schema reads as null: {@code ~}, {@code null}, or nothing. */
        public boolean isNull() {
            if ("tag:yaml.org,2002:null".equals(tag)) return true;
            if (tag != null || style != ScalarStyle.PLAIN) return false;
            return switch (value) {
                case "", "~", "null", "Null", "NULL" -> true;
                default -> false;
            };
        }

        /** No secrets in logs: the value is never shown. */
        @Override
        public String toString() {
            return "Scalar[line " + line + (tag == null ? "" : ", " + tag) + "]";
        }
    }

    /** A sequence, block or flow. */
    record Sequence(String anchor, String tag, boolean implicit, FlowStyle flowStyle, List<YamlNode> items, int line)
            implements YamlNode {
        public Sequence {
            items = new ArrayList<>(items);
        }
    }

    /** A mapping, block or flow; keys and values in source order, duplicates kept as Psych keeps them. */
    record Mapping(String anchor, String tag, boolean implicit, FlowStyle flowStyle, List<Entry> entries, int line)
            implements YamlNode {
        public Mapping {
            entries = new ArrayList<>(entries);
        }
    }

    /** One key/value pair of a mapping. */
    record Entry(YamlNode key, YamlNode value) {}

    /** An alias; {@code target} is the node the anchor named at this point of the document. */
    record Alias(String anchor, YamlNode target, int line) implements YamlNode {
        @Override
        public String toString() {
            return "Alias[*" + anchor + "]";
        }
    }
}
