package dev.supervisor.vault;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;

/**
 * Writes {@link YamlNode}s back as events, like Psych's emitter: 2-space indent, block sequences in
 * mappings not indented, best width 80. Like libyaml, SnakeYAML's emitter picks quoting from the
 * implicit flags and adds a non-specific {@code !} when a plain-implicit value must be quoted.
 */
public final class YamlWriter {
    private final Emitter emitter;

    private YamlWriter(StringWriter out) {
        DumperOptions options = new DumperOptions();
        options.setIndent(2);
        options.setWidth(80);
        options.setAllowUnicode(true);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        this.emitter = new Emitter(out, options);
    }

    public static String write(List<YamlDocument> documents) {
        StringWriter out = new StringWriter();
        YamlWriter writer = new YamlWriter(out);
        try {
            writer.emitter.emit(new StreamStartEvent(null, null));
            for (YamlDocument document : documents) {
                writer.emitter.emit(new DocumentStartEvent(null, null, document.explicitStart(), document.version(),
                        document.tagDirectives()));
                writer.node(document.root());
                writer.emitter.emit(new DocumentEndEvent(null, null, document.explicitEnd()));
            }
            writer.emitter.emit(new StreamEndEvent(null, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void node(YamlNode node) throws IOException {
        if (node instanceof YamlNode.Alias alias) {
            emitter.emit(new AliasEvent(alias.anchor(), null, null));
        } else if (node instanceof YamlNode.Scalar s) {
            emitter.emit(new ScalarEvent(s.anchor(), s.tag(), new ImplicitTuple(s.plainImplicit(), s.quotedImplicit()),
                    s.value(), null, null, s.style()));
        } else if (node instanceof YamlNode.Sequence seq) {
            emitter.emit(new SequenceStartEvent(seq.anchor(), seq.tag(), seq.implicit(), null, null, seq.flowStyle()));
            for (YamlNode item : seq.items()) node(item);
            emitter.emit(new SequenceEndEvent(null, null));
        } else {
            YamlNode.Mapping map = (YamlNode.Mapping) node;
            emitter.emit(new MappingStartEvent(map.anchor(), map.tag(), map.implicit(), null, null, map.flowStyle()));
            for (YamlNode.Entry entry : map.entries()) {
                node(entry.key());
                node(entry.value());
            }
            emitter.emit(new MappingEndEvent(null, null));
        }
    }
}
