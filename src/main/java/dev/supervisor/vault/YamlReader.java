package dev.supervisor.vault;

import dev.supervisor.ExitCode;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads a YAML stream into {@link YamlNode}s from SnakeYAML's events (the level libyaml gives Psych),
 * guarded against hostile input: a size cap, a nesting cap, strict UTF-8. Aliases are kept, not
 * expanded (expansion is limited where it happens, in {@link ValueTree}). Duplicate keys are kept, as
 * Psych keeps them in the node tree; {@link ValueTree} rejects them.
 */
public final class YamlReader {
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    public static final int MAX_DEPTH = 200;

    private final String file;
    private Parser parser;
    private Map<String, YamlNode> anchors;
    private int depth;

    private YamlReader(String file) {
        this.file = file;
    }

    /** Decodes strict UTF-8 (a BOM is skipped) and parses. {@code file} is only used in messages. */
    public static List<YamlDocument> read(byte[] bytes, String file) {
        return read(decodeUtf8(bytes, file), file);
    }

    public static List<YamlDocument> read(String text, String file) {
        if (text.length() > MAX_BYTES) {
            throw failure(file, "the file is larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        return new YamlReader(file).readAll(text);
    }

    public static String decodeUtf8(byte[] bytes, String file) {
        if (bytes.length > MAX_BYTES) throw failure(file, "the file is larger than " + (MAX_BYTES >> 20) + " MiB");
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw failure(file, "the file is not UTF-8 text");
        }
    }

    private List<YamlDocument> readAll(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        options.setProcessComments(false);
        parser = new ParserImpl(new StreamReader(new StringReader(text)), options);
        List<YamlDocument> documents = new ArrayList<>();
        try {
            next(); // stream start
            while (!(parser.peekEvent() instanceof org.yaml.snakeyaml.events.StreamEndEvent)) {
                DocumentStartEvent start = (DocumentStartEvent) next();
                anchors = new HashMap<>(); // anchors are scoped to their document
                YamlNode root = node();
                DocumentEndEvent end = (DocumentEndEvent) next();
                documents.add(new YamlDocument(root, start.getExplicit(), end.getExplicit(), start.getVersion(),
                        start.getTags()));
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
            throw failure(file, where + e.getProblem());
        } catch (YAMLException e) {
            throw failure(file, "not valid YAML: " + firstLine(e.getMessage()));
        }
        return documents;
    }

    private Event next() {
        return parser.getEvent();
    }

    private YamlNode node() {
        Event event = next();
        int line = event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
        if (event instanceof AliasEvent alias) {
            YamlNode target = anchors.get(alias.getAnchor());
            if (target == null) throw failure(file, "line " + line + ": unknown alias *" + alias.getAnchor());
            return new YamlNode.Alias(alias.getAnchor(), target, line);
        }
        if (event instanceof ScalarEvent s) {
            YamlNode.Scalar scalar = new YamlNode.Scalar(s.getAnchor(), s.getTag(), s.getImplicit().canOmitTagInPlainScalar(),
                    s.getImplicit().canOmitTagInNonPlainScalar(), s.getValue(), s.getScalarStyle(), line);
            return remember(scalar);
        }
        CollectionStartEvent start = (CollectionStartEvent) event;
        if (++depth > MAX_DEPTH) throw failure(file, "line " + line + ": nesting deeper than " + MAX_DEPTH + " levels");
        YamlNode result;
        if (event.is(Event.ID.SequenceStart)) {
            List<YamlNode> items = new ArrayList<>();
            // Register the anchor before the children: Psych does, and a self-reference must resolve.
            YamlNode.Sequence sequence = new YamlNode.Sequence(start.getAnchor(), start.getTag(), start.getImplicit(),
                    start.getFlowStyle(), items, line);
            remember(sequence);
            while (!parser.checkEvent(Event.ID.SequenceEnd)) sequence.items().add(node());
            result = sequence;
        } else {
            YamlNode.Mapping mapping = new YamlNode.Mapping(start.getAnchor(), start.getTag(), start.getImplicit(),
                    start.getFlowStyle(), new ArrayList<>(), line);
            remember(mapping);
            while (!parser.checkEvent(Event.ID.MappingEnd)) {
                YamlNode key = node();
                mapping.entries().add(new YamlNode.Entry(key, node()));
            }
            result = mapping;
        }
        next(); // collection end
        depth--;
        return result;
    }

    private <T extends YamlNode> T remember(T node) {
        if (node.anchor() != null) anchors.put(node.anchor(), node);
        return node;
    }

    private static String firstLine(String message) {
        if (message == null) return "parse error";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static VaultException failure(String file, String message) {
        return new VaultException(ExitCode.CONFIG, "InvalidYaml", message, file, null, -1, null);
    }
}
