package dev.supervisor.cli;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;
import dev.supervisor.config.Durations;
import dev.supervisor.config.ModeOverrides;
import dev.supervisor.config.ModeResolver;
import dev.supervisor.config.ModeSelector;
import dev.supervisor.config.ResolvedMode;
import dev.supervisor.config.SupervisorConfig;
import dev.supervisor.process.Exec;
import dev.supervisor.process.ExitStatus;
import dev.supervisor.process.LaunchSpec;
import dev.supervisor.process.Log;
import dev.supervisor.process.ProcSelf;
import dev.supervisor.process.SignalBlocking;
import dev.supervisor.process.SignalMap;
import dev.supervisor.process.SignalReceiver;
import dev.supervisor.process.Supervisor;
import dev.supervisor.secrets.SecretFileWriter;
import dev.supervisor.secrets.SecretsLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code supervisor run}: args → config → mode → secrets → environment → launch → supervise → exit code.
 * Signals are taken over before anything else, so a stop during the preparation ends the start cleanly.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Run a launch mode or a command as a supervised child, with the secrets in its environment.",
                "",
                "Prepares the environment (secrets, files), then starts the child and forwards every signal it "
                        + "receives (rewritten by the mode's preset and --signal-map), reaps zombies, kills the "
                        + "child's group if it outlives the stop timeout, and exits with the child's exit code "
                        + "(128+N if it died of signal N)."},
        footer = {"", "Choosing what to run:",
                "  supervisor run web                 mode 'web' from supervisor.yml",
                "  supervisor run task db:migrate     mode 'task' with extra arguments",
                "  supervisor run --mode worker       the same as 'supervisor run worker'",
                "  supervisor run -- bin/server -p 80 an ad-hoc command (with the file's secrets)",
                "  supervisor run                     $SUPERVISOR_MODE, else default_mode",
                "",
                "Examples:",
                "  supervisor run --secrets config/secrets.yml --env-root '$.production' -- bundle exec puma",
                "  supervisor run --preset unicorn -- bundle exec unicorn -c config/unicorn.rb",
                "  supervisor run --signal-map TERM:QUIT --stop-timeout 20s -- bin/server"})
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Mixin
    ConfigFileOption configFile = new ConfigFileOption();

    @Option(names = "--mode", paramLabel = "NAME", order = 2,
            description = "Launch mode from the config file (default: the first argument if it names a mode, "
                    + "else $SUPERVISOR_MODE, else default_mode).")
    String mode;

    @Option(names = "--preset", paramLabel = "NAME", order = 3,
            description = "App-server preset: unicorn, puma, sidekiq, resque, gunicorn, nginx, php-fpm, celery, "
                    + "good_job, delayed_job, shoryuken, generic. Overrides the mode's.")
    String preset;

    @Option(names = "--signal-map", paramLabel = "SRC:DST", order = 4,
            description = "When the supervisor receives SRC, send DST instead (repeatable). Names with or without SIG, "
                    + "or numbers; DST 0 or 'ignore' drops it. Example: --signal-map TERM:QUIT")
    List<String> signalMap = new ArrayList<>();

    @Option(names = "--process-group", order = 5,
            description = "Deliver forwarded signals to the child's whole process group (default: the child only).")
    Boolean processGroup;

    @Option(names = "--stop-timeout", paramLabel = "DURATION", order = 6,
            description = "After the first stop signal (TERM, INT or QUIT, after mapping) is forwarded, SIGKILL the "
                    + "child's process group if it is still alive after this long (e.g. 25s, 500ms, 2m). "
                    + "Default: the preset's, 25s for most; keep delay + timeout under ECS's and Kubernetes' 30s.")
    String stopTimeout;

    @Option(names = "--stop-delay", paramLabel = "DURATION", order = 7,
            description = "On TERM, wait this long before forwarding it, so a load balancer can deregister the task "
                    + "first; a second TERM forwards at once. Default: 0.")
    String stopDelay;

    @Option(names = "--exit-code-map", paramLabel = "FROM:TO", order = 8,
            description = "Rewrite the child's exit code FROM to TO (repeatable), e.g. 143:0.")
    List<String> exitCodeMap = new ArrayList<>();

    @Option(names = "--exec", order = 9,
            description = "Replace the supervisor with the command (execve) once the environment is ready: "
                    + "no supervision, reaping or signal rewriting afterwards.")
    Boolean exec;

    @Option(names = {"-v", "--verbose"}, order = 10,
            description = "Log each forwarded or rewritten signal, each reaped pid and the child's exit on stderr.")
    boolean verbose;

    @Mixin
    SecretsOptions secrets;

    @Parameters(paramLabel = "MODE|CMD", arity = "0..*",
            description = "A mode name and its extra arguments, or a command. Put -- before a command to force it "
                    + "to be taken as one.")
    List<String> positionals = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> env = ProcSelf.environment();
        boolean execFlag = Boolean.TRUE.equals(exec);
        if (!execFlag) SignalBlocking.ensureBlocked(env);
        try (SignalReceiver signals = execFlag ? null : SignalReceiver.start()) {
            return start(env, signals);
        }
    }

    private int start(Map<String, String> env, SignalReceiver signals) throws InterruptedException {
        Path cwd = Path.of("").toAbsolutePath();
        Interruptible steps = new Interruptible(signals);
        Map<Integer, Integer> exitCodes = ExitStatus.parseCodeMap(exitCodeMap); // a bad flag fails before any work
        long callerIgnored = SignalBlocking.inheritedIgnored(env);
        SupervisorConfig config = steps.run("config", () -> configFile.load(env, cwd));
        Log log = new Log(System.err, verbose || config.verbose());
        ResolvedMode resolved = ModeResolver.resolve(config,
                ModeSelector.select(config, mode, positionals, afterDashDash()), overrides(), env);
        resolved.warnings().forEach(log::warn);
        Map<String, String> childEnv = prepareEnvironment(config, resolved, env, cwd, steps, log);
        Launch launch = new Launch(resolved, childEnv, exitCodes, callerIgnored, log);
        int prehooks = runPrehooks(launch, signals, steps);
        if (prehooks != 0) return prehooks;

        LaunchSpec spec = spec(launch, resolved.argv());
        if (resolved.exec()) {
            Exec.replaceWith(spec);
            return ExitCode.INTERNAL; // not reached: exec replaced this process
        }
        return new Supervisor(spec, signals).run();
    }

    /** Secrets into the environment and secret files onto disk; a stop signal ends it (nothing half-written). */
    private Map<String, String> prepareEnvironment(SupervisorConfig config, ResolvedMode resolved, Map<String, String> env,
                                                   Path cwd, Interruptible steps, Log log) throws InterruptedException {
        try (SecretsPreparation prep = new SecretsPreparation(secrets.applyTo(config.secrets()), env, cwd,
                PassphraseSource.Terminal.system(), log::warn)) {
            SecretsLoader.Loaded loaded = steps.run("secrets", () -> prep.environment(env));
            if (!loaded.keptExisting().isEmpty()) {
                log.info("already set in the environment, kept over the secrets: "
                        + String.join(", ", loaded.keptExisting()) + " (--override-env lets the secrets win)");
            }
            List<SecretFileWriter.Entry> files = steps.run("download", prep::fetchFiles);
            steps.runToEnd("write", () -> prep.writeFiles(files));
            steps.checkStop();
            return ChildEnvironment.compose(loaded.environment(), resolved.extraEnv());
        }
    }

    /** Each prehook, supervised like the app; returns the first failing exit code, or 0. */
    private int runPrehooks(Launch launch, SignalReceiver signals, Interruptible steps) throws InterruptedException {
        ResolvedMode resolved = launch.mode();
        if (signals == null && !resolved.prehooks().isEmpty()) {
            throw new SupervisorException(ExitCode.USAGE, resolved.label() + " has prehooks, which run supervised: "
                    + "drop --exec from the command line (the mode's own 'exec: true' is fine)");
        }
        for (List<String> hook : resolved.prehooks()) {
            Supervisor prehook = new Supervisor(spec(launch, hook), signals);
            int code = prehook.run();
            if (prehook.stopRequested()) throw new Interruptible.StoppedBeforeStart(prehook.stopSignal());
            if (code != 0) {
                launch.log().info("prehook '" + String.join(" ", hook) + "' failed with exit code " + code + "; not starting "
                        + resolved.label());
                return code;
            }
            steps.checkStop();
        }
        return 0;
    }

    private ModeOverrides overrides() {
        Map<String, String> signals = new LinkedHashMap<>();
        for (String entry : signalMap) {
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new SupervisorException(ExitCode.USAGE,
                        "invalid signal mapping '" + entry + "' (expected SRC:DST, e.g. TERM:QUIT or WINCH:ignore)");
            }
            signals.put(entry.substring(0, colon), entry.substring(colon + 1));
        }
        return new ModeOverrides(duration(stopTimeout), duration(stopDelay), signals, processGroup, exec, preset);
    }

    private static Duration duration(String text) {
        return text == null ? null : Durations.parse(text);
    }

    /** Picocli drops a {@code --}; it matters here, because {@code -- web} runs a program called web. */
    private boolean afterDashDash() {
        List<String> original = commandSpec.commandLine().getParseResult().originalArgs();
        int tailStart = original.size() - positionals.size();
        return !positionals.isEmpty() && tailStart > 0 && original.get(tailStart - 1).equals("--");
    }

    /** What every child of this start shares (prehooks and the command): only argv differs. */
    private record Launch(ResolvedMode mode, Map<String, String> childEnv, Map<Integer, Integer> exitCodes,
                          long callerIgnored, Log log) {}

    private LaunchSpec spec(Launch launch, List<String> argv) {
        ResolvedMode resolved = launch.mode();
        SignalMap map = SignalMap.of(resolved.signalMap());
        launch.log().verbose("launching " + resolved.label() + " (preset " + resolved.preset().id() + ")"
                + (map.rewrites().isEmpty() ? "" : ", signals " + map));
        return new LaunchSpec(
                argvBytes(argv),
                ChildEnvironment.entries(launch.childEnv()),
                resolved.workdir(),
                map,
                resolved.processGroup(),
                resolved.quietSignal() == null ? 0 : resolved.quietSignal(),
                resolved.stopDelay(),
                resolved.stopTimeout(),
                launch.exitCodes(),
                launch.callerIgnored(),
                launch.log().isVerbose(),
                System.err);
    }

    /**
     * The command's bytes exactly as the container runtime passed them when they came from our own
     * command line (the JVM would have decoded them with the locale's charset); UTF-8 otherwise.
     */
    private List<byte[]> argvBytes(List<String> argv) {
        if (argv.equals(positionals.subList(Math.max(0, positionals.size() - argv.size()), positionals.size()))) {
            return ProcSelf.rawTail(argv);
        }
        List<byte[]> out = new ArrayList<>(argv.size());
        for (String arg : argv) out.add(arg.getBytes(StandardCharsets.UTF_8));
        return out;
    }
}
