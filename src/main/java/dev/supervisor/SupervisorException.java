package dev.supervisor;

/**
 * A failure the supervisor expects and reports as one line on stderr with a documented exit code.
 * Deep code throws it (or a subclass); only the CLI prints it and exits. Messages never contain a
 * secret value: they name files, key paths and reasons.
 */
public class SupervisorException extends RuntimeException {
    private final int exitCode;

    public SupervisorException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public SupervisorException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
