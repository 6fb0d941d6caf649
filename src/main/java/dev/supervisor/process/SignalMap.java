package dev.supervisor.process;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What to send the child when the supervisor receives a signal: {@code TERM:QUIT} rewrites, {@code WINCH:0}
 * drops, and a signal not in the map is passed as it is.
 */
public final class SignalMap {
    /** Destination meaning "do not forward". */
    public static final int DROP = 0;

    private final Map<Integer, Integer> rewrites;

    private SignalMap(Map<Integer, Integer> rewrites) {
        this.rewrites = Collections.unmodifiableMap(new LinkedHashMap<>(rewrites));
    }

    public static SignalMap identity() {
        return new SignalMap(Map.of());
    }

    public static SignalMap of(Map<Integer, Integer> rewrites) {
        return new SignalMap(rewrites);
    }

    /** Parses {@code SRC:DST} entries as given to {@code --signal-map}. */
    public static SignalMap parse(List<String> entries) {
        Map<Integer, Integer> map = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new SupervisorException(ExitCode.USAGE,
                        "invalid signal mapping '" + entry + "' (expected SRC:DST, e.g. TERM:QUIT or WINCH:ignore)");
            }
            int src = Signals.parse(entry.substring(0, colon), false);
            int dst = Signals.parse(entry.substring(colon + 1), true);
            if (!HandledSignals.contains(src)) {
                throw new SupervisorException(ExitCode.USAGE, "cannot map " + Signals.name(src)
                        + ": the supervisor cannot receive it (see README, Signals)");
            }
            map.put(src, dst);
        }
        return new SignalMap(map);
    }

    /** Entries of {@code overrides} replace this map's entries for the same source. */
    public SignalMap with(SignalMap overrides) {
        Map<Integer, Integer> merged = new LinkedHashMap<>(rewrites);
        merged.putAll(overrides.rewrites);
        return new SignalMap(merged);
    }

    public int destination(int received) {
        return rewrites.getOrDefault(received, received);
    }

    public Map<Integer, Integer> rewrites() {
        return rewrites;
    }

    /** {@code TERM→QUIT, WINCH→(dropped)}; empty when nothing is rewritten. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ");
        rewrites.forEach((src, dst) -> out.add(Signals.name(src) + "→" + (dst == DROP ? "(dropped)" : Signals.name(dst))));
        return out.toString();
    }
}
