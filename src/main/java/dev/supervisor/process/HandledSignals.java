package dev.supervisor.process;

import com.sun.jna.Memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The signals the supervisor takes over: blocked in every thread and received synchronously with
 * sigtimedwait, the design of tini and catatonit (no asynchronous handlers). That is every signal
 * except these, which no process or this runtime can hand over:
 * <ul>
 *   <li>KILL and STOP: cannot be caught by anyone;</li>
 *   <li>SEGV, BUS, FPE, ILL: the JVM raises them itself (implicit null checks, safepoints) and a
 *       blocked synchronous fault kills the process, so they must stay with the runtime;</li>
 *   <li>32 and 33: glibc's internal thread-cancel and setxid signals;</li>
 *   <li>{@link #JVM_SUSPEND_RESUME_SIGNAL}: where HotSpot's suspend/resume signal is moved to
 *       (from USR2, which apps such as unicorn and puma need) via {@code _JAVA_SR_SIGNUM}.</li>
 * </ul>
 * See ../shared/notes/jvm-signals.md and README "Signals".
 */
public final class HandledSignals {
    /** RTMAX: the least likely signal for an app to need, so USR2 stays free for the app. */
    public static final int JVM_SUSPEND_RESUME_SIGNAL = Signals.SIGRTMAX;

    private static final int[] ALL = compute();

    private HandledSignals() {}

    private static int[] compute() {
        List<Integer> out = new ArrayList<>();
        for (int s = 1; s <= Signals.SIGRTMAX; s++) {
            if (s == Signals.SIGKILL || s == Signals.SIGSTOP || s == Signals.SIGSEGV || s == Signals.SIGBUS
                    || s == Signals.SIGFPE || s == Signals.SIGILL || s == 32 || s == 33
                    || s == JVM_SUSPEND_RESUME_SIGNAL) {
                continue;
            }
            out.add(s);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    public static int[] all() {
        return ALL.clone();
    }

    public static boolean contains(int signal) {
        for (int s : ALL) if (s == signal) return true;
        return false;
    }

    public static Memory sigset() {
        return LibC.sigset(ALL);
    }

    /** The same set as the kernel's 64-bit mask (bit N-1 for signal N), for /proc status comparisons. */
    public static long mask() {
        long mask = 0;
        for (int s : ALL) mask |= 1L << (s - 1);
        return mask;
    }

    /** The signals every stop and reload depends on; if these are blocked, the relaunch has happened. */
    private static final long ESSENTIAL = bit(Signals.SIGHUP) | bit(Signals.SIGINT) | bit(Signals.SIGQUIT)
            | bit(Signals.SIGTERM) | bit(Signals.SIGUSR1) | bit(Signals.SIGUSR2) | bit(Signals.SIGCHLD);

    private static long bit(int signal) {
        return 1L << (signal - 1);
    }

    /** True when this thread has the essential signals blocked (after the relaunch, or in a native binary). */
    public static boolean blockedInThisThread() {
        return (blockedMask() & ESSENTIAL) == ESSENTIAL;
    }

    /**
     * The handled signals that really are blocked here, i.e. that sigtimedwait can take. A runtime may
     * unblock one for itself (HotSpot 17 on Debian keeps RTMIN+28, signal 62); such a signal cannot be
     * forwarded, and README lists it.
     */
    public static int[] receivable() {
        long blocked = blockedMask();
        return java.util.Arrays.stream(ALL).filter(s -> (blocked & bit(s)) != 0).toArray();
    }

    private static long blockedMask() {
        return procStatusMask(Path.of("/proc/thread-self/status"), "SigBlk:");
    }

    /** Reads a hex signal mask line ({@code SigBlk:}, {@code SigIgn:}) from a /proc status file; 0 if unreadable. */
    public static long procStatusMask(Path status, String field) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field)) return Long.parseUnsignedLong(line.substring(field.length()).trim(), 16);
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
