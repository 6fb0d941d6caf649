package dev.supervisor.config;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them on a command line: {@code 25s}, {@code 500ms}, {@code 2m}, {@code 1m30s}, {@code 0}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {}

    public static Duration parse(String text) {
        String s = text.trim();
        if (s.equals("0")) return Duration.ZERO;
        if (s.isEmpty() || s.startsWith("-")) throw invalid(text);
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) throw invalid(text);
            double amount = Double.parseDouble(m.group(1));
            long millisPerUnit = switch (m.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                default -> 3_600_000L;
            };
            total = total.plusMillis(Math.round(amount * millisPerUnit));
            end = m.end();
        }
        if (end != s.length()) throw invalid(text);
        return total;
    }

    /** Inverse of {@link #parse}, for help and listings: {@code 25s}, {@code 500ms}, {@code 2m30s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) return "0s";
        if (ms % 1000 != 0) return ms + "ms";
        long s = ms / 1000;
        StringBuilder out = new StringBuilder();
        if (s >= 3600 && s % 60 == 0) { out.append(s / 3600).append('h'); s %= 3600; if (s == 0) return out.toString(); }
        if (s >= 60) { out.append(s / 60).append('m'); s %= 60; if (s == 0) return out.toString(); }
        return out.append(s).append('s').toString();
    }

    private static SupervisorException invalid(String text) {
        return new SupervisorException(ExitCode.USAGE, "invalid duration '" + text
                + "' (use a positive amount with a unit: 500ms, 25s, 2m, 1h, 1m30s, or 0)");
    }
}
