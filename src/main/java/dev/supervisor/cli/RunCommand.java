package dev.supervisor.cli;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;
import dev.supervisor.config.Durations;
import dev.supervisor.process.Exec;
import dev.supervisor.process.ExitStatus;
import dev.supervisor.process.LaunchSpec;
import dev.supervisor.process.ProcSelf;
import dev.supervisor.process.SignalBlocking;
import dev.supervisor.process.SignalMap;
import dev.supervisor.process.SignalReceiver;
import dev.supervisor.process.Signals;
import dev.supervisor.process.Supervisor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code supervisor run}: prepare the environment, start the app, supervise it, return its exit code. */
@Command(name = "run",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
                "Runs CMD as a supervised child: forwards every signal it receives (rewritten through",
                "--signal-map), reaps zombies, kills the child's group if it outlives --stop-timeout after a",
                "stop signal, and exits with the child's exit code (128+N if it died of signal N)."},
        footer = {"", "Examples:",
                "  supervisor run -- bundle exec unicorn -c config/unicorn.rb",
                "  supervisor run --signal-map TERM:QUIT --stop-timeout 20s -- bundle exec unicorn",
                "  supervisor run --exit-code-map 143:0 -- bin/worker"})
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--signal-map", paramLabel = "SRC:DST",
            description = "When the supervisor receives SRC, send DST instead (repeatable). Names with or without SIG, "
                    + "or numbers; DST 0 or 'ignore' drops it. Example: --signal-map TERM:QUIT")
    List<String> signalMap = new ArrayList<>();

    @Option(names = "--process-group",
            description = "Deliver forwarded signals to the child's whole process group (default: the child only).")
    boolean processGroup;

    @Option(names = "--stop-timeout", paramLabel = "DURATION", defaultValue = "25s",
            description = "After the first stop signal (TERM, INT or QUIT, after mapping) is forwarded, SIGKILL the "
                    + "child's process group if it is still alive after this long (e.g. 25s, 500ms, 2m). "
                    + "Default: ${DEFAULT-VALUE}, inside ECS's and Kubernetes' 30s.")
    String stopTimeout;

    @Option(names = "--stop-delay", paramLabel = "DURATION", defaultValue = "0",
            description = "On TERM, wait this long before forwarding it, so a load balancer can deregister the task "
                    + "first; a second TERM forwards at once. Default: no delay.")
    String stopDelay;

    @Option(names = "--exit-code-map", paramLabel = "FROM:TO",
            description = "Rewrite the child's exit code FROM to TO (repeatable), e.g. 143:0.")
    List<String> exitCodeMap = new ArrayList<>();

    @Option(names = "--exec",
            description = "Replace the supervisor with the command (execve) once the environment is ready: "
                    + "no supervision, reaping or signal rewriting afterwards.")
    boolean exec;

    @Option(names = {"-v", "--verbose"},
            description = "Log each forwarded or rewritten signal, each reaped pid and the child's exit on stderr.")
    boolean verbose;

    @Parameters(paramLabel = "CMD", arity = "0..*",
            description = "The command and its arguments. Put -- before it when it starts with '-'.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> env = ProcSelf.environment();
        if (!exec) SignalBlocking.ensureBlocked(env);
        try (SignalReceiver signals = exec ? null : SignalReceiver.start()) {
            LaunchSpec spec = launchSpec(env);
            if (exec) {
                Exec.replaceWith(spec);
                return ExitCode.INTERNAL; // not reached
            }
            SignalReceiver.Received early = stopSignalBeforeStart(signals);
            if (early != null) return 128 + early.signal();
            return new Supervisor(spec, signals).run();
        }
    }

    private LaunchSpec launchSpec(Map<String, String> env) {
        if (command.isEmpty()) {
            throw new SupervisorException(ExitCode.USAGE, "no command given (supervisor run [OPTIONS] -- CMD [ARGS...])");
        }
        Duration timeout = Durations.parse(stopTimeout);
        Duration delay = Durations.parse(stopDelay);
        return new LaunchSpec(
                ProcSelf.rawTail(command),
                childEnvironment(env),
                null,
                SignalMap.parse(signalMap),
                processGroup,
                0,
                delay,
                timeout,
                ExitStatus.parseCodeMap(exitCodeMap),
                SignalBlocking.inheritedIgnored(env),
                verbose,
                System.err);
    }

    /** The supervisor's own environment, minus what the supervisor itself put there for the relaunch. */
    private static List<byte[]> childEnvironment(Map<String, String> env) {
        List<byte[]> out = new ArrayList<>();
        env.forEach((name, value) -> {
            if (name.equals(SignalBlocking.INHERITED_IGNORED_VAR) || name.equals(SignalBlocking.JVM_SR_SIGNUM_VAR)) return;
            out.add((name + "=" + value).getBytes(StandardCharsets.UTF_8));
        });
        return out;
    }

    /** A stop signal that came while the environment was being prepared: the app must not start. */
    private static SignalReceiver.Received stopSignalBeforeStart(SignalReceiver signals) {
        for (SignalReceiver.Received r; (r = signals.poll()) != null; ) {
            if (r.signal() == Signals.SIGTERM || r.signal() == Signals.SIGINT || r.signal() == Signals.SIGQUIT
                    || r.signal() == Signals.SIGHUP) {
                return r;
            }
        }
        return null;
    }
}
