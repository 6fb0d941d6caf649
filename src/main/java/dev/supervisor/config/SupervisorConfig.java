package dev.supervisor.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything {@code supervisor.yml} and the {@code SUPERVISOR_*} variables say, before a mode is resolved.
 *
 * @param file         the file read, null when there is none (no modes)
 * @param modes        in file order
 * @param defaultMode  {@code SUPERVISOR_MODE}, else {@code default_mode}; null when neither
 * @param verbose      {@code SUPERVISOR_VERBOSE}, else {@code verbose:}
 * @param stopBudget   how long the platform waits between its TERM and its KILL ({@code SUPERVISOR_PLATFORM_STOP_TIMEOUT},
 *                     else {@code platform_stop_timeout:}); null means {@link StopBudget#DEFAULT_PLATFORM_BUDGET}
 * @param envOverrides what {@code SUPERVISOR_*} variables set for every mode (they beat the file)
 */
public record SupervisorConfig(Path file, SecretsConfig secrets, Map<String, ModeConfig> modes, String defaultMode,
                               boolean verbose, Duration stopBudget, ModeOverrides envOverrides) {
    public SupervisorConfig {
        if (secrets == null) secrets = SecretsConfig.NONE;
        modes = modes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(modes));
        if (envOverrides == null) envOverrides = ModeOverrides.NONE;
    }

    public SupervisorConfig(Path file, SecretsConfig secrets, Map<String, ModeConfig> modes, String defaultMode) {
        this(file, secrets, modes, defaultMode, false, null, ModeOverrides.NONE);
    }

    /** No file: no modes, no secrets. */
    public static SupervisorConfig empty() {
        return new SupervisorConfig(null, SecretsConfig.NONE, Map.of(), null);
    }

    /**
     * The {@code SUPERVISOR_*} variables over this config (they beat the file, flags beat them): see
     * {@link EnvironmentSettings} for the list. Invalid values are {@link ConfigException}s naming the variable.
     */
    public SupervisorConfig applyEnvironment(Map<String, String> env) {
        return EnvironmentSettings.apply(this, env);
    }

    public Duration effectiveStopBudget() {
        return stopBudget != null ? stopBudget : StopBudget.DEFAULT_PLATFORM_BUDGET;
    }

    SupervisorConfig with(SecretsConfig s, String mode, boolean v, Duration budget, ModeOverrides overrides) {
        return new SupervisorConfig(file, s, modes, mode, v, budget, overrides);
    }
}
