package dev.supervisor.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to launch and how to stop it, every layer applied (flags > SUPERVISOR_* > file > preset > defaults).
 * The process supervisor consumes this.
 *
 * @param name         the mode name, or null for an ad-hoc command ({@code supervisor run -- CMD})
 * @param signalMap    received signal -> signal to send the child (0 = drop); signals not in the map are
 *                     forwarded unchanged
 * @param quietSignal  on stop, sent at once, before stop_delay (e.g. TSTP: sidekiq stops fetching jobs while
 *                     the load balancer drains); null if none
 * @param stopTimeout  after the (mapped) stop signal, how long to wait before KILL
 * @param stopDelay    after the platform's stop signal arrives, how long to wait before passing it on
 *                     (load-balancer deregistration); the quiet signal goes out before it
 * @param extraEnv     the mode's env after ${VAR} expansion, added over the inherited environment
 * @param workdir      absolute, or null to inherit the supervisor's working directory
 * @param stopBudget   how long the platform waits between its TERM and its KILL (default 30 s)
 */
public record ResolvedMode(String name, List<String> argv, Preset preset, Map<Integer, Integer> signalMap,
                           Integer quietSignal, Duration stopTimeout, Duration stopDelay, boolean processGroup,
                           boolean exec, Map<String, String> extraEnv, Path workdir, List<List<String>> prehooks,
                           Duration stopBudget) {
    public ResolvedMode {
        argv = List.copyOf(argv);
        signalMap = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(signalMap));
        extraEnv = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extraEnv));
        prehooks = prehooks.stream().map(List::copyOf).toList();
    }

    /** Stop timings that do not fit the platform's budget or the server's own shutdown deadline. */
    public List<String> budgetWarnings() {
        return StopBudget.warnings(this);
    }

    /** Everything worth printing at start: {@link #budgetWarnings()} and settings that cannot take effect. */
    public List<String> warnings() {
        return StopBudget.allWarnings(this);
    }

    /** "mode 'web'" or "the command", for messages. */
    public String label() {
        return name == null ? "the command" : "mode '" + name + "'";
    }
}
