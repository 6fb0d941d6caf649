package dev.supervisor.process;


import java.util.Collections;
import java.util.LinkedHashMap;
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

    public static SignalMap of(Map<Integer, Integer> rewrites) {
        return new SignalMap(rewrites);
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
