package dev.supervisor.config;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link ResolvedMode} for a run. Each setting comes from the first layer that has it:
 * command-line flags ({@code overrides}) > {@code SUPERVISOR_*} variables ({@code config.envOverrides()}) >
 * the mode in {@code supervisor.yml} > the mode's preset > built-in defaults (generic preset, no delay,
 * no process group, no exec). Signal maps merge across the layers, the higher layer winning per signal.
 */
public final class ModeResolver {
    private ModeResolver() {}

    /** What {@link ModeSelector} chose: a mode with its extra arguments, or an ad-hoc command. */
    public static ResolvedMode resolve(SupervisorConfig config, Selection selection, ModeOverrides overrides,
                                       Map<String, String> env) {
        return selection.isAdhoc()
                ? resolveAdhoc(config, selection.adhocArgv(), overrides, env)
                : resolve(config, selection.modeName(), selection.extraArgs(), overrides, env);
    }

    public static ResolvedMode resolve(SupervisorConfig config, String modeName, List<String> extraArgs,
                                       ModeOverrides overrides, Map<String, String> env) {
        ModeConfig mode = config.modes().get(modeName);
        if (mode == null) {
            throw new SupervisorException(ExitCode.USAGE, "unknown mode '" + modeName + "' ("
                    + (config.modes().isEmpty() ? "no modes are defined" : "modes: " + String.join(", ", config.modes().keySet())) + ")");
        }
        ModeOverrides top = overrides.over(config.envOverrides());
        Preset preset = preset(top.preset() != null ? top.preset() : mode.preset());
        Map<Integer, Integer> signals = new LinkedHashMap<>(preset.signalMap());
        signals.putAll(SignalRewrites.parse(mode.signals()));
        signals.putAll(SignalRewrites.parse(top.signals()));
        String label = "mode '" + modeName + "'";
        return new ResolvedMode(modeName, argv(mode, extraArgs), preset, signals,
                Boolean.TRUE.equals(mode.quietFirst()) ? preset.quietSignal() : null,
                first(top.stopTimeout(), mode.stopTimeout(), preset.stopTimeout()),
                first(top.stopDelay(), mode.stopDelay(), Duration.ZERO),
                first(top.processGroup(), mode.processGroup(), preset.processGroup()),
                first(top.exec(), mode.exec(), false),
                expandEnv(label, mode.env(), env), workdir(config, label, mode.workdir(), env), mode.prehooks(),
                config.effectiveStopBudget());
    }

    /** {@code supervisor run -- CMD ARGS}: no mode; the generic preset unless a flag names one. */
    public static ResolvedMode resolveAdhoc(SupervisorConfig config, List<String> argv, ModeOverrides overrides,
                                            Map<String, String> env) {
        if (argv.isEmpty()) throw new SupervisorException(ExitCode.USAGE, "no command given");
        ModeOverrides top = overrides.over(config.envOverrides());
        Preset preset = preset(top.preset());
        Map<Integer, Integer> signals = new LinkedHashMap<>(preset.signalMap());
        signals.putAll(SignalRewrites.parse(top.signals()));
        return new ResolvedMode(null, argv, preset, signals, null,
                first(top.stopTimeout(), null, preset.stopTimeout()),
                first(top.stopDelay(), null, Duration.ZERO),
                first(top.processGroup(), null, preset.processGroup()),
                first(top.exec(), null, false),
                Map.of(), null, List.of(), config.effectiveStopBudget());
    }

    private static List<String> argv(ModeConfig mode, List<String> extraArgs) {
        ArgsPolicy policy = mode.args() == null ? ArgsPolicy.APPEND : mode.args();
        switch (policy) {
            case REPLACE:
                if (!extraArgs.isEmpty()) return extraArgs;
                if (mode.command() == null) {
                    throw new SupervisorException(ExitCode.USAGE, "mode '" + mode.name()
                            + "' has no command of its own: give one, e.g. supervisor run " + mode.name() + " bin/rails db:migrate");
                }
                return mode.command();
            case IGNORE:
                return mode.command();
            default:
                List<String> all = new ArrayList<>(mode.command());
                all.addAll(extraArgs);
                return all;
        }
    }

    private static Preset preset(String name) {
        if (name == null) return Preset.GENERIC;
        return Preset.named(name).orElseThrow(() -> new SupervisorException(ExitCode.USAGE,
                "unknown preset '" + name + "' (presets: " + String.join(", ", Preset.ids()) + ")"));
    }

    private static Map<String, String> expandEnv(String label, Map<String, String> raw, Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((key, value) -> out.put(key, expand(label + ": env " + key, value, env)));
        return out;
    }

    private static Path workdir(SupervisorConfig config, String label, String raw, Map<String, String> env) {
        if (raw == null) return null;
        Path path = Path.of(expand(label + ": workdir", raw, env));
        if (path.isAbsolute() || config.file() == null) return path.toAbsolutePath().normalize();
        // Relative to the config file, like docker-compose paths: the file and the app ship together.
        return config.file().toAbsolutePath().getParent().resolve(path).normalize();
    }

    private static String expand(String what, String text, Map<String, String> env) {
        try {
            return VariableExpansion.expand(text, env);
        } catch (VariableExpansion.Failure e) {
            throw new ConfigException(what + ": " + e.getMessage());
        }
    }

    @SafeVarargs
    private static <T> T first(T... candidates) {
        for (T c : candidates) if (c != null) return c;
        throw new IllegalStateException("no default");
    }
}
