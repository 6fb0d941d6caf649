package dev.supervisor.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Checks a mode's stop timings against the platform. Between its TERM and its KILL, ECS waits
 * {@code stopTimeout} (default 30 s), Kubernetes {@code terminationGracePeriodSeconds} (default 30 s),
 * {@code docker stop} only 10 s ({@code -t}/{@code stop_grace_period} raise it). The supervisor needs
 * stop_delay + stop_timeout below that, or the platform kills everyone before our own escalation runs.
 */
final class StopBudget {
    static final Duration DEFAULT_PLATFORM_BUDGET = Duration.ofSeconds(30);

    private StopBudget() {}

    static List<String> warnings(ResolvedMode m) {
        List<String> out = new ArrayList<>();
        if (m.exec()) return out;
        Duration total = m.stopDelay().plus(m.stopTimeout());
        if (total.compareTo(m.stopBudget()) >= 0) {
            out.add(m.label() + ": stop_delay " + Durations.format(m.stopDelay()) + " + stop_timeout "
                    + Durations.format(m.stopTimeout()) + " = " + Durations.format(total)
                    + " is not below the platform's stop timeout of " + Durations.format(m.stopBudget())
                    + " (ECS stopTimeout, Kubernetes terminationGracePeriodSeconds; docker stop waits 10s):"
                    + " the platform will KILL the app before the supervisor can stop it."
                    + " Lower them, or raise the platform's timeout and declare it with "
                    + EnvironmentSettings.PLATFORM_STOP_TIMEOUT + " (platform_stop_timeout:)");
        }
        m.preset().innerTimeout().ifPresent(inner -> innerOption(m.argv(), inner.options()).ifPresent(seconds -> {
            String option = String.join("/", inner.options());
            if (seconds < 0) {
                out.add(m.label() + ": " + m.preset().id() + " " + option + " " + seconds + " waits forever; pass a value"
                        + " below stop_timeout " + Durations.format(m.stopTimeout()) + " so it stops cleanly before the KILL");
            } else if (Duration.ofSeconds(seconds).compareTo(m.stopTimeout()) >= 0) {
                out.add(m.label() + ": " + m.preset().id() + " " + option + " " + seconds + " is not below stop_timeout "
                        + Durations.format(m.stopTimeout()) + ": the supervisor will KILL it before its own shutdown"
                        + " deadline; lower " + option + " or raise stop_timeout");
            }
        }));
        return out;
    }

    static List<String> allWarnings(ResolvedMode m) {
        List<String> out = new ArrayList<>(warnings(m));
        if (m.exec() && rewritesOrDelays(m)) {
            out.add(m.label() + ": exec replaces the supervisor with the app, so signal rewrites, quiet_first,"
                    + " stop_delay and stop_timeout do not apply");
        }
        return out;
    }

    private static boolean rewritesOrDelays(ResolvedMode m) {
        boolean rewrites = m.signalMap().entrySet().stream().anyMatch(e -> !e.getKey().equals(e.getValue()));
        return rewrites || m.quietSignal() != null || !m.stopDelay().isZero();
    }

    /** {@code -t 25}, {@code -t25}, {@code --timeout 25}, {@code --timeout=25}; the last one given wins. */
    static OptionalInt innerOption(List<String> argv, List<String> options) {
        OptionalInt found = OptionalInt.empty();
        for (int i = 1; i < argv.size(); i++) {
            String arg = argv.get(i);
            for (String option : options) {
                String value = null;
                if (arg.equals(option) && i + 1 < argv.size()) value = argv.get(i + 1);
                else if (option.startsWith("--") && arg.startsWith(option + "=")) value = arg.substring(option.length() + 1);
                else if (!option.startsWith("--") && arg.startsWith(option) && arg.length() > option.length()) value = arg.substring(option.length());
                if (value != null && value.matches("-?\\d+")) found = OptionalInt.of(Integer.parseInt(value));
            }
        }
        return found;
    }
}
