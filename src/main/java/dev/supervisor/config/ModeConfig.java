package dev.supervisor.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code modes:} as written in the file (validated, not yet resolved). Nullable fields were not
 * given; {@link ModeResolver} fills them from the preset and the built-in defaults.
 *
 * @param command  argv; null only when {@code args: replace} (the run's extra arguments are the command)
 * @param preset   preset name as written (validated against {@link Preset}); null means generic
 * @param signals  raw SRC -> DST as written ({@code TERM: QUIT}, {@code USR1: ignore}), validated
 * @param args     null means {@link ArgsPolicy#APPEND}
 */
public record ModeConfig(String name, List<String> command, String preset, Map<String, String> signals,
                         Duration stopTimeout, Duration stopDelay, Boolean processGroup, Boolean exec,
                         Map<String, String> env, String workdir, List<List<String>> prehooks, ArgsPolicy args,
                         Boolean quietFirst) {
    public ModeConfig {
        command = command == null ? null : List.copyOf(command);
        signals = signals == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(signals));
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
        prehooks = prehooks == null ? List.of() : prehooks.stream().map(List::copyOf).toList();
    }
}
