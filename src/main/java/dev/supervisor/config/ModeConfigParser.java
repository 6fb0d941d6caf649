package dev.supervisor.config;

import dev.supervisor.SupervisorException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One entry of {@code modes:} into a validated {@link ModeConfig}; errors point at the offending node. */
final class ModeConfigParser {
    static final List<String> KEYS = List.of("command", "preset", "signals", "stop_timeout", "stop_delay",
            "process_group", "exec", "env", "workdir", "prehooks", "args", "quiet_first");

    private ModeConfigParser() {}

    static ModeConfig parse(String file, String name, Node node) {
        String where = " in mode '" + name + "'";
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw ConfigMapping.error(file, node, "mode name '" + name
                    + "' must start with a letter or digit and use only letters, digits, '_', '.', '-'");
        }
        ConfigMapping m = ConfigMapping.of(file, where, "mode '" + name + "'", node);
        m.allowOnly(KEYS);

        Preset preset = preset(m);
        ArgsPolicy args = argsPolicy(m);
        List<String> command = m.value("command") == null ? null : argv(m, m.value("command"), "'command'");
        if (command == null && args != ArgsPolicy.REPLACE) {
            throw m.error(m.node(), "mode '" + name + "' needs a 'command' (only 'args: replace' modes may leave it out)");
        }
        Map<String, String> signals = m.stringMap("signals");
        if (signals != null) validateSignals(m, signals);
        Map<String, String> env = m.stringMap("env");
        if (env != null) {
            for (String key : env.keySet()) {
                if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw m.error(m.value("env"), "env key '" + key + "'" + where
                            + " is not a valid variable name (letters, digits, '_', not starting with a digit)");
                }
            }
        }
        Boolean quietFirst = m.bool("quiet_first");
        if (Boolean.TRUE.equals(quietFirst) && (preset == null || preset.quietSignal() == null)) {
            throw m.error(m.value("quiet_first"), "'quiet_first'" + where + " needs a preset with a quiet signal ("
                    + String.join(", ", quietPresets()) + ")");
        }
        return new ModeConfig(name, command, preset == null ? null : preset.id(), signals,
                m.duration("stop_timeout"), m.duration("stop_delay"), m.bool("process_group"), m.bool("exec"),
                env, m.string("workdir"), prehooks(m), args, quietFirst);
    }

    /** An argv list, or a string split into words like a shell would, without running one. */
    static List<String> argv(ConfigMapping m, Node v, String what) {
        List<String> words;
        if (v instanceof SequenceNode seq) {
            words = new ArrayList<>();
            for (Node item : seq.getValue()) words.add(m.scalarText(item, "items of " + what + m.where() + " must be strings"));
        } else if (v instanceof ScalarNode s && !ConfigMapping.isNull(s)) {
            try {
                words = ShellWords.split(s.getValue());
            } catch (ShellWords.SyntaxError e) {
                throw m.error(v, what + m.where() + ": " + e.getMessage()
                        + " (the command is split like a shell would, without running one)");
            }
        } else {
            throw m.error(v, what + m.where() + " must be a string or a list of strings, got " + ConfigMapping.describe(v));
        }
        if (words.isEmpty() || words.get(0).isEmpty()) throw m.error(v, what + m.where() + " is empty");
        return words;
    }

    private static List<List<String>> prehooks(ConfigMapping m) {
        Node v = m.value("prehooks");
        if (v == null) return null;
        if (!(v instanceof SequenceNode seq)) {
            throw m.error(v, "'prehooks'" + m.where() + " must be a list of commands, got " + ConfigMapping.describe(v));
        }
        List<List<String>> hooks = new ArrayList<>();
        for (Node item : seq.getValue()) hooks.add(argv(m, item, "prehook " + (hooks.size() + 1)));
        return hooks;
    }

    private static Preset preset(ConfigMapping m) {
        String name = m.string("preset");
        if (name == null) return null;
        return Preset.named(name).orElseThrow(() -> m.error(m.value("preset"), "unknown preset '" + name + "'"
                + m.where() + KeySuggestion.closest(name, Preset.ids()).map(s -> " (did you mean '" + s + "'?)")
                .orElse(" (presets: " + String.join(", ", Preset.ids()) + ")")));
    }

    private static ArgsPolicy argsPolicy(ConfigMapping m) {
        String text = m.string("args");
        if (text == null) return null;
        try {
            return ArgsPolicy.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw m.error(m.value("args"), "'args'" + m.where() + " must be append, replace or ignore, got '" + text + "'");
        }
    }

    private static void validateSignals(ConfigMapping m, Map<String, String> signals) {
        ConfigMapping inner = m.mapping("signals", m.where());
        signals.forEach((src, dst) -> {
            try {
                SignalRewrites.source(src);
            } catch (SupervisorException e) {
                throw inner.error(inner.keyNode(src), "signals" + m.where() + ": " + e.getMessage());
            }
            try {
                SignalRewrites.destination(dst);
            } catch (SupervisorException e) {
                throw inner.error(inner.value(src), "signals." + src + m.where() + ": " + e.getMessage());
            }
        });
    }

    private static List<String> quietPresets() {
        return java.util.Arrays.stream(Preset.values()).filter(p -> p.quietSignal() != null).map(Preset::id).toList();
    }
}
