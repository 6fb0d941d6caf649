package dev.supervisor.process;

import java.io.PrintStream;

/** The supervisor's own lines on stderr, prefixed so they stand out from the app's output. */
public final class Log {
    private final PrintStream out;
    private final boolean verbose;

    public Log(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    public void verbose(String message) {
        if (verbose) out.println("supervisor: " + message);
    }

    public void info(String message) {
        out.println("supervisor: " + message);
    }

    public void warn(String message) {
        out.println("supervisor: warning: " + message);
    }

    public boolean isVerbose() {
        return verbose;
    }
}
