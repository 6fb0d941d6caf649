package dev.supervisor.secrets;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;

/**
 * The decrypted secrets cannot become the child's environment: bad variable name, two paths for one
 * name, a value an environment cannot hold. Names key paths and variable names, never values.
 */
public class EnvironmentException extends SupervisorException {
    private final String reason;

    public EnvironmentException(String reason, String message) {
        super(ExitCode.CONFIG, message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " (" + reason + ")";
    }
}
