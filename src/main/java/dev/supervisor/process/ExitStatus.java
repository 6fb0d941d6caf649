package dev.supervisor.process;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A child's wait status, and the exit code the supervisor returns for it. */
public record ExitStatus(int code, int signal) {

    public static ExitStatus fromWaitStatus(int status) {
        int termSig = status & 0x7f;
        if (termSig == 0) return new ExitStatus((status >> 8) & 0xff, 0);
        return new ExitStatus(128 + termSig, termSig);
    }

    public boolean killedBySignal() {
        return signal != 0;
    }

    public String describe() {
        return killedBySignal() ? "killed by SIG" + Signals.name(signal) + " (exit code " + code + ")"
                : "exited with code " + code;
    }

    /** {@code --exit-code-map FROM:TO} entries. */
    public static Map<Integer, Integer> parseCodeMap(List<String> entries) {
        Map<Integer, Integer> map = new LinkedHashMap<>();
        for (String entry : entries) {
            String[] parts = entry.split(":", -1);
            try {
                if (parts.length != 2) throw new NumberFormatException();
                int from = Integer.parseInt(parts[0].trim());
                int to = Integer.parseInt(parts[1].trim());
                if (from < 0 || from > 255 || to < 0 || to > 255) throw new NumberFormatException();
                map.put(from, to);
            } catch (NumberFormatException e) {
                throw new SupervisorException(ExitCode.USAGE,
                        "invalid exit code mapping '" + entry + "' (expected FROM:TO with codes 0-255, e.g. 143:0)");
            }
        }
        return map;
    }
}
