package dev.supervisor;

import dev.supervisor.cli.SupervisorCommand;
import dev.supervisor.process.ProcSelf;
import dev.supervisor.process.SignalBlocking;

import java.util.Arrays;

/** Entry point: signals first (before anything can start a thread), then the command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (supervisesAChild(args)) SignalBlocking.ensureBlocked(ProcSelf.environment());
        System.exit(SupervisorCommand.execute(args));
    }

    /**
     * {@code run} without {@code --exec} or help needs every signal blocked from the start (see
     * {@link SignalBlocking}); checking the raw arguments here saves parsing the command line twice
     * when the JVM has to be relaunched.
     */
    static boolean supervisesAChild(String[] args) {
        if (args.length == 0 || !args[0].equals("run")) return false;
        int end = Arrays.asList(args).indexOf("--");
        for (String arg : Arrays.copyOfRange(args, 1, end < 0 ? args.length : end)) {
            if (arg.equals("--exec") || arg.equals("-h") || arg.equals("--help")) return false;
        }
        return true;
    }
}
