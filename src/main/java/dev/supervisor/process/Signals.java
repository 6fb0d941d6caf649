package dev.supervisor.process;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;

import java.util.Locale;

/** Linux signal numbers and names (x86_64 and arm64 share these numbers). */
public final class Signals {
    public static final int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6,
            SIGBUS = 7, SIGFPE = 8, SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13,
            SIGALRM = 14, SIGTERM = 15, SIGSTKFLT = 16, SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19,
            SIGTSTP = 20, SIGTTIN = 21, SIGTTOU = 22, SIGURG = 23, SIGXCPU = 24, SIGXFSZ = 25,
            SIGVTALRM = 26, SIGPROF = 27, SIGWINCH = 28, SIGIO = 29, SIGPWR = 30, SIGSYS = 31;
    /** Highest real-time signal on Linux/glibc (SIGRTMAX). */
    public static final int SIGRTMAX = 64;

    private static final String[] NAMES = {
            null, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV",
            "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
            "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};

    private Signals() {}

    /**
     * Parses {@code TERM}, {@code SIGTERM}, {@code sigterm}, {@code 15}, {@code RTMIN+3}. Returns 0 for
     * {@code 0} and {@code ignore} when {@code allowIgnore} is set.
     */
    public static int parse(String text, boolean allowIgnore) {
        String s = text.trim().toUpperCase(Locale.ROOT);
        if (allowIgnore && (s.equals("0") || s.equals("IGNORE"))) return 0;
        if (s.startsWith("SIG")) s = s.substring(3);
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            int n = parseIntOrMinus(s);
            if (n >= 1 && n <= SIGRTMAX) return n;
            throw unknown(text);
        }
        for (int i = 1; i < NAMES.length; i++) {
            if (NAMES[i].equals(s)) return i;
        }
        if (s.equals("IOT")) return SIGABRT;
        if (s.equals("POLL")) return SIGIO;
        if (s.startsWith("RTMIN") || s.startsWith("RTMAX")) {
            int base = s.startsWith("RTMIN") ? 34 : SIGRTMAX;
            String rest = s.substring(5);
            int offset = rest.isEmpty() ? 0 : parseIntOrMinus(rest.replace("+", ""));
            if (!rest.isEmpty() && (offset == -1 || (!rest.startsWith("+") && !rest.startsWith("-")))) throw unknown(text);
            if (rest.startsWith("-")) offset = -parseIntOrMinus(rest.substring(1));
            int n = base + offset;
            if (n >= 34 && n <= SIGRTMAX) return n;
        }
        throw unknown(text);
    }

    /** {@code TERM} for 15, {@code RTMIN+2} for 36, the number as text otherwise. */
    public static String name(int signal) {
        if (signal >= 1 && signal < NAMES.length) return NAMES[signal];
        if (signal >= 34 && signal <= SIGRTMAX) return signal == 34 ? "RTMIN" : "RTMIN+" + (signal - 34);
        return Integer.toString(signal);
    }

    private static int parseIntOrMinus(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static SupervisorException unknown(String text) {
        return new SupervisorException(ExitCode.USAGE, "unknown signal '" + text
                + "' (use a name such as TERM, SIGQUIT, USR2, RTMIN+1, or a number 1-" + SIGRTMAX + ")");
    }
}
