package dev.supervisor.config;

import dev.supervisor.SupervisorException;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code SUPERVISOR_*} variables, each the twin of a config key or flag. They beat the config file;
 * command-line flags beat them. An empty variable counts as unset (so {@code -e SUPERVISOR_MODE=} in a
 * compose file does not break anything). An invalid value is an error naming the variable.
 */
public final class EnvironmentSettings {
    public static final String MODE = "SUPERVISOR_MODE";
    public static final String STOP_TIMEOUT = "SUPERVISOR_STOP_TIMEOUT";
    public static final String STOP_DELAY = "SUPERVISOR_STOP_DELAY";
    public static final String PROCESS_GROUP = "SUPERVISOR_PROCESS_GROUP";
    public static final String PLATFORM_STOP_TIMEOUT = "SUPERVISOR_PLATFORM_STOP_TIMEOUT";
    public static final String SECRETS = "SUPERVISOR_SECRETS";
    public static final String ENV_ROOT = "SUPERVISOR_ENV_ROOT";
    public static final String KEYS = "SUPERVISOR_KEYS";
    public static final String CRYPTOR = "SUPERVISOR_CRYPTOR";
    public static final String PLAINTEXT = "SUPERVISOR_PLAINTEXT";
    public static final String VERBOSE = "SUPERVISOR_VERBOSE";

    private EnvironmentSettings() {}

    static SupervisorConfig apply(SupervisorConfig config, Map<String, String> env) {
        String keys = get(env, KEYS);
        List<String> keyList = null;
        if (keys != null) {
            keyList = Arrays.stream(keys.split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList();
            if (keyList.isEmpty()) throw invalid(KEYS, keys, "a comma-separated list of key paths such as $.vault,$.extra");
        }
        String cryptor = get(env, CRYPTOR);
        if (cryptor != null && !SecretsConfig.CRYPTORS.contains(cryptor)) {
            throw invalid(CRYPTOR, cryptor, "one of " + String.join(", ", SecretsConfig.CRYPTORS));
        }
        SecretsConfig secrets = new SecretsOverrides(get(env, SECRETS), cryptor, keyList, get(env, ENV_ROOT),
                bool(env, PLAINTEXT), null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null).over(config.secrets());

        String mode = get(env, MODE);
        if (mode != null && !config.modes().containsKey(mode)) {
            throw new ConfigException(MODE + "='" + mode + "' is not a mode of " + where(config) + " ("
                    + (config.modes().isEmpty() ? "no modes are defined" : "modes: " + String.join(", ", config.modes().keySet())) + ")");
        }
        Boolean verbose = bool(env, VERBOSE);
        Duration budget = duration(env, PLATFORM_STOP_TIMEOUT);
        ModeOverrides fromEnv = new ModeOverrides(duration(env, STOP_TIMEOUT), duration(env, STOP_DELAY), Map.of(),
                bool(env, PROCESS_GROUP), null);
        return config.with(secrets, mode != null ? mode : config.defaultMode(),
                verbose != null ? verbose : config.verbose(),
                budget != null ? budget : config.stopBudget(),
                fromEnv.over(config.envOverrides()));
    }

    private static String get(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    private static Boolean bool(Map<String, String> env, String name) {
        String v = get(env, name);
        if (v == null) return null;
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw invalid(name, v, "true or false (also 1/0, yes/no, on/off)");
        };
    }

    private static Duration duration(Map<String, String> env, String name) {
        String v = get(env, name);
        if (v == null) return null;
        try {
            return Durations.parse(v);
        } catch (SupervisorException e) {
            throw new ConfigException(name + ": " + e.getMessage());
        }
    }

    private static ConfigException invalid(String name, String value, String expected) {
        return new ConfigException(name + "='" + value + "' is invalid: expected " + expected);
    }

    private static String where(SupervisorConfig config) {
        return config.file() == null ? "the configuration (no supervisor.yml was found)" : config.file().getFileName().toString();
    }
}
