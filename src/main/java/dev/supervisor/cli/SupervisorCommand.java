package dev.supervisor.cli;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code supervisor}: the top-level command; the work is in its subcommands. */
@Command(name = "supervisor",
        mixinStandardHelpOptions = true,
        version = {"supervisor " + SupervisorCommand.VERSION},
        description = "Container entrypoint: decrypts yaml_vault secrets into the environment, picks a launch "
                + "mode, and runs the app as a correct PID 1 (signal forwarding and rewriting, zombie reaping, "
                + "stop timeouts).",
        subcommands = {RunCommand.class, EnvCommand.class, ModesCommand.class, CheckCommand.class},
        footer = {"", "Exit codes: the child's own, or 64 usage, 78 config/secrets, 77 AWS permission, "
                + "69 AWS unavailable, 126 not executable, 127 not found, 128+N stopped by signal N before the app "
                + "started. See README.md."})
public final class SupervisorCommand implements Runnable {
    public static final String VERSION = "0.1.0";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (run, vault, env, modes, check)");
    }

    public static int execute(String[] args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SupervisorCommand());
        cli.addSubcommand("vault", new VaultCommand(System.getenv(), Cryptors.forVaultCommand(System.getenv()),
                PassphraseSource.Terminal.system()));
        cli.getSubcommands().get("run").setStopAtPositional(true);
        cli.setExecutionExceptionHandler(SupervisorCommand::reportFailure);
        cli.setParameterExceptionHandler(SupervisorCommand::reportUsageError);
        return cli;
    }

    /** Expected failures are one line and a documented code; anything else is a bug, said as such. */
    private static int reportFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof SupervisorException failure) {
            err.println("supervisor: error: " + failure.getMessage());
            err.flush();
            return failure.exitCode();
        }
        err.println("supervisor: error: internal error: " + e.getClass().getName()
                + (System.getenv("SUPERVISOR_DEBUG") != null ? "" : " (set SUPERVISOR_DEBUG=1 for the stack trace)"));
        if (System.getenv("SUPERVISOR_DEBUG") != null) e.printStackTrace(err);
        err.flush();
        return ExitCode.INTERNAL;
    }

    private static int reportUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        // One line like every other failure (README "Exit codes"), so log scrapers see one error per start.
        String message = String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ");
        err.println("supervisor: error: " + message + " (see '" + cli.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCode.USAGE;
    }
}
