package dev.supervisor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;
import dev.supervisor.config.ArgsPolicy;
import dev.supervisor.config.Durations;
import dev.supervisor.config.ModeConfig;
import dev.supervisor.config.ModeOverrides;
import dev.supervisor.config.ModeResolver;
import dev.supervisor.config.Preset;
import dev.supervisor.config.ResolvedMode;
import dev.supervisor.config.ShellWords;
import dev.supervisor.config.SupervisorConfig;
import dev.supervisor.process.Signals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code supervisor modes}: every mode resolved exactly as {@code run} would resolve it (so it doubles as a
 * config check), as a table or as JSON. Env values are not shown: they may come from secrets.
 */
@Command(name = "modes", mixinStandardHelpOptions = true,
        description = "List the launch modes of supervisor.yml: command, preset, signal handling, stop timings.")
public final class ModesCommand implements Callable<Integer> {
    /** Shown as the command of an {@code args: replace} mode without one of its own. */
    static final String RUN_ARGUMENTS = "<run arguments>";

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigFileOption configFile = new ConfigFileOption();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json.")
    String format;

    private final Map<String, String> env;
    private final Path workingDir;

    public ModesCommand() {
        this(System.getenv(), Path.of("").toAbsolutePath());
    }

    public ModesCommand(Map<String, String> env, Path workingDir) {
        this.env = env;
        this.workingDir = workingDir;
    }

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("json")) {
            throw new SupervisorException(ExitCode.USAGE, "--format must be table or json, got '" + format + "'");
        }
        SupervisorConfig config = configFile.load(env, workingDir);
        List<ResolvedMode> modes = new ArrayList<>();
        for (ModeConfig mode : config.modes().values()) {
            boolean needsArgs = mode.command() == null && mode.args() == ArgsPolicy.REPLACE;
            modes.add(ModeResolver.resolve(config, mode.name(), needsArgs ? List.of(RUN_ARGUMENTS) : List.of(),
                    ModeOverrides.NONE, env));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) out.println(json(config, modes));
        else out.print(table(config, modes));
        out.flush();
        return 0;
    }

    static String table(SupervisorConfig config, List<ResolvedMode> modes) {
        if (modes.isEmpty()) {
            return (config.file() == null ? "No supervisor.yml found" : config.file() + " defines no modes")
                    + "; run a command with: supervisor run -- CMD [ARGS...]\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"MODE", "PRESET", "COMMAND", "SIGNALS", "STOP", "PREHOOKS"});
        for (ResolvedMode m : modes) {
            rows.add(new String[] {
                    m.name() + (m.name().equals(config.defaultMode()) ? " (default)" : ""),
                    m.preset().id(),
                    ShellWords.join(m.argv()),
                    signals(m),
                    stop(m),
                    m.prehooks().isEmpty() ? "-" : m.prehooks().stream().map(ShellWords::join).collect(Collectors.joining("; "))});
        }
        StringBuilder out = new StringBuilder(render(rows));
        for (ResolvedMode m : modes) for (String w : m.warnings()) out.append("warning: ").append(w).append('\n');
        return out.toString();
    }

    private static String render(List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], row[i].length());
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) line.append(" ".repeat(width[i] - row[i].length() + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    static String signals(ResolvedMode m) {
        if (m.exec()) return "exec (app is PID 1)";
        String map = m.signalMap().isEmpty() ? "forward all" : Preset.describe(m.signalMap());
        return m.quietSignal() == null ? map : "quiet " + Signals.name(m.quietSignal()) + ", " + map;
    }

    static String stop(ResolvedMode m) {
        return "delay " + Durations.format(m.stopDelay()) + ", timeout " + Durations.format(m.stopTimeout())
                + (m.processGroup() ? ", group" : "");
    }

    static String json(SupervisorConfig config, List<ResolvedMode> modes) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("config", config.file() == null ? null : config.file().toString());
        root.put("default_mode", config.defaultMode());
        root.put("platform_stop_timeout", Durations.format(config.effectiveStopBudget()));
        ArrayNode list = root.putArray("modes");
        for (ResolvedMode m : modes) {
            ObjectNode node = list.addObject();
            node.put("name", m.name());
            node.put("preset", m.preset().id());
            ArrayNode argv = node.putArray("argv");
            m.argv().forEach(argv::add);
            ObjectNode signals = node.putObject("signals");
            m.signalMap().forEach((src, dst) -> signals.put(Signals.name(src), dst == 0 ? "drop" : Signals.name(dst)));
            node.put("quiet_signal", m.quietSignal() == null ? null : Signals.name(m.quietSignal()));
            node.put("stop_delay", Durations.format(m.stopDelay()));
            node.put("stop_timeout", Durations.format(m.stopTimeout()));
            node.put("process_group", m.processGroup());
            node.put("exec", m.exec());
            node.put("workdir", m.workdir() == null ? null : m.workdir().toString());
            ArrayNode envKeys = node.putArray("env_keys");
            m.extraEnv().keySet().forEach(envKeys::add);
            ArrayNode hooks = node.putArray("prehooks");
            for (List<String> hook : m.prehooks()) {
                ArrayNode h = hooks.addArray();
                hook.forEach(h::add);
            }
            ArrayNode warnings = node.putArray("warnings");
            m.warnings().forEach(warnings::add);
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SupervisorException(ExitCode.INTERNAL, "cannot write JSON: " + e.getMessage(), e);
        }
    }
}
