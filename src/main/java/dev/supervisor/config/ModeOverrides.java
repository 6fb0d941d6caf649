package dev.supervisor.config;

import java.time.Duration;
import java.util.Map;

/**
 * Settings that beat the config file for every mode: built from command-line flags by the CLI, and from
 * {@code SUPERVISOR_*} variables by {@link SupervisorConfig#applyEnvironment}. Null means "not given".
 *
 * @param signals raw SRC -> DST, merged over the mode's and the preset's entries
 * @param preset  replaces the mode's preset (e.g. {@code --preset unicorn} for an ad-hoc command)
 */
public record ModeOverrides(Duration stopTimeout, Duration stopDelay, Map<String, String> signals,
                            Boolean processGroup, Boolean exec, String preset) {
    public static final ModeOverrides NONE = new ModeOverrides(null, null, Map.of(), null, null, null);

    public ModeOverrides(Duration stopTimeout, Duration stopDelay, Map<String, String> signals, Boolean processGroup,
                         Boolean exec) {
        this(stopTimeout, stopDelay, signals, processGroup, exec, null);
    }

    public ModeOverrides {
        signals = signals == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(signals));
    }

    /** This over {@code lower}: each field given here wins, signal entries merge with these winning. */
    public ModeOverrides over(ModeOverrides lower) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(lower.signals);
        merged.putAll(signals);
        return new ModeOverrides(
                stopTimeout != null ? stopTimeout : lower.stopTimeout,
                stopDelay != null ? stopDelay : lower.stopDelay,
                merged,
                processGroup != null ? processGroup : lower.processGroup,
                exec != null ? exec : lower.exec,
                preset != null ? preset : lower.preset);
    }
}
