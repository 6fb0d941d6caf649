package dev.supervisor.cli;

import dev.supervisor.config.ConfigLoader;
import dev.supervisor.config.SupervisorConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/** {@code --config FILE}, shared by run, env, check and modes, and the lookup behind it. */
public final class ConfigFileOption {
    @Option(names = "--config", paramLabel = "FILE", order = 1,
            description = "Config file (default: $SUPERVISOR_CONFIG, else ./supervisor.yml if present).")
    Path file;

    /** The config file (or none) with the {@code SUPERVISOR_*} variables applied over it. */
    SupervisorConfig load(Map<String, String> env, Path workingDir) {
        return ConfigLoader.loadWithEnvironment(file, env, workingDir);
    }
}
