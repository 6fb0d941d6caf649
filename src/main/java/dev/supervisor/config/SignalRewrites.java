package dev.supervisor.config;

import dev.supervisor.process.Signals;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns {@code SRC: DST} entries as people write them ({@code TERM: QUIT}, {@code SIGUSR1: ignore},
 * {@code 15: 3}) into signal numbers. DST 0 ({@code 0}, {@code ignore}, {@code drop}) means "do not forward".
 */
public final class SignalRewrites {
    private SignalRewrites() {}

    /** Parses every entry; Signals' errors (exit 64) name the bad signal. */
    public static Map<Integer, Integer> parse(Map<String, String> raw) {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        raw.forEach((src, dst) -> out.put(source(src), destination(dst)));
        return out;
    }

    public static int source(String text) {
        int n = Signals.parse(text, false);
        // The kernel never lets a process catch these, so a rewrite could never fire.
        if (n == Signals.SIGKILL || n == Signals.SIGSTOP) {
            throw new ConfigException(Signals.name(n) + " cannot be caught, so it cannot be rewritten");
        }
        return n;
    }

    public static int destination(String text) {
        if (text.trim().equalsIgnoreCase("drop")) return 0;
        return Signals.parse(text, true);
    }
}
