package dev.supervisor.config;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;

import java.util.List;

/**
 * Decides what {@code supervisor run} starts, from {@code --mode} and the positional arguments:
 * <ol>
 *   <li>{@code --mode NAME [--] [ARGS...]}: mode NAME (an error listing the modes if there is none), every
 *       positional is an extra argument for it.</li>
 *   <li>{@code -- CMD [ARGS...]}: an ad-hoc command, even when CMD is also a mode name.</li>
 *   <li>{@code NAME [ARGS...]} where NAME is a mode: that mode — a mode named like a binary wins over it.</li>
 *   <li>{@code CMD [ARGS...]} where CMD is not a mode: an ad-hoc command ({@code supervisor run bundle exec puma}).</li>
 *   <li>no positionals: the default mode ({@code SUPERVISOR_MODE}, else {@code default_mode}); none is an error.</li>
 * </ol>
 * Picocli drops a {@code --} it sees, so the CLI tells us whether the positionals came after one.
 */
public final class ModeSelector {
    private ModeSelector() {}

    /**
     * @param modeOption     the {@code --mode} value, or null
     * @param positionals    the run command's positional arguments, without the {@code --}
     * @param afterDashDash  true when the positionals followed a {@code --}
     */
    public static Selection select(SupervisorConfig config, String modeOption, List<String> positionals,
                                   boolean afterDashDash) {
        if (modeOption != null) {
            if (!config.modes().containsKey(modeOption)) {
                throw new SupervisorException(ExitCode.USAGE, "--mode " + modeOption + ": no such mode ("
                        + modeList(config) + ")");
            }
            return Selection.mode(modeOption, positionals);
        }
        if (!positionals.isEmpty()) {
            if (!afterDashDash && config.modes().containsKey(positionals.get(0))) {
                return Selection.mode(positionals.get(0), positionals.subList(1, positionals.size()));
            }
            return Selection.adhoc(positionals);
        }
        if (config.defaultMode() != null) return Selection.mode(config.defaultMode(), List.of());
        throw new SupervisorException(ExitCode.USAGE, "nothing to run: give a mode, --mode NAME, or a command after --"
                + " (or set " + EnvironmentSettings.MODE + " / default_mode) (" + modeList(config) + ")");
    }

    /** For a raw argument list where a leading {@code --} marks an ad-hoc command. */
    public static Selection select(SupervisorConfig config, String modeOption, List<String> rawArgs) {
        boolean dashDash = !rawArgs.isEmpty() && rawArgs.get(0).equals("--");
        return select(config, modeOption, dashDash ? rawArgs.subList(1, rawArgs.size()) : rawArgs, dashDash);
    }

    private static String modeList(SupervisorConfig config) {
        return config.modes().isEmpty() ? "no modes are defined" : "modes: " + String.join(", ", config.modes().keySet());
    }
}
