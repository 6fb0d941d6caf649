package dev.supervisor.config;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;

/**
 * The configuration is wrong: a bad {@code supervisor.yml}, a bad {@code SUPERVISOR_*} variable, a mode that
 * cannot be resolved. Exit code 78 (EX_CONFIG). Messages name the file, line and column when there is one.
 */
public class ConfigException extends SupervisorException {
    public ConfigException(String message) {
        super(ExitCode.CONFIG, message);
    }

    public ConfigException(String message, Throwable cause) {
        super(ExitCode.CONFIG, message, cause);
    }
}
