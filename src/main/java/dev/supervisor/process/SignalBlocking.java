package dev.supervisor.process;


import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts the handled signals into the blocked mask of every thread of this process before anything else
 * runs, which on HotSpot is only possible from the outside: a signal mask survives execve, so this
 * process blocks the set in its main thread and re-executes the very same java command line with
 * {@code -Xrs} (HotSpot then leaves HUP, INT, TERM and QUIT alone and never unblocks them) and with
 * {@code _JAVA_SR_SIGNUM} moving HotSpot's suspend/resume signal off USR2. Every JVM thread of the new
 * image inherits the mask. See ../shared/notes/jvm-signals.md.
 *
 * <p>A GraalVM native image re-executes itself the same way (without the HotSpot options): the runtime
 * starts threads before main runs (the reference handler), which would otherwise keep TERM unblocked.
 * The re-exec costs a few milliseconds there and does not depend on which threads a GraalVM version
 * starts early.
 */
public final class SignalBlocking {
    /** Carries the caller's ignored-signal mask (SigIgn) across the relaunch; removed from the child's environment. */
    public static final String INHERITED_IGNORED_VAR = "SUPERVISOR_INHERITED_SIGIGN";
    public static final String JVM_SR_SIGNUM_VAR = "_JAVA_SR_SIGNUM";

    private SignalBlocking() {}

    public static boolean inNativeImage() {
        return System.getProperty("org.graalvm.nativeimage.imagecode") != null;
    }

    /**
     * Makes sure every thread blocks the handled signals. Returns normally when they are (possibly after
     * blocking them in a native image); otherwise replaces this process and does not return.
     */
    public static void ensureBlocked(Map<String, String> env) {
        if (HandledSignals.blockedInThisThread()) return;
        if (env.containsKey(INHERITED_IGNORED_VAR)) {
            // We are the relaunched JVM and the signals are still not blocked: relaunching again would loop.
            throw new dev.supervisor.SupervisorException(dev.supervisor.ExitCode.OS_ERROR,
                    "signals are not blocked after re-executing with them blocked; cannot supervise "
                            + "(unset " + INHERITED_IGNORED_VAR + " if it leaked in from a parent)");
        }
        LibC libc = LibC.INSTANCE;
        libc.pthread_sigmask(LibC.SIG_BLOCK, HandledSignals.sigset(), null);
        relaunch(env);
    }

    /**
     * Signals the caller had set to SIG_IGN (nohup and friends); they stay ignored in the child. Never
     * glibc's internal signals 32 and 33: a caller started by glibc's posix_spawn (a JVM's
     * ProcessBuilder, for one) has them ignored by accident, not by choice.
     */
    public static long inheritedIgnored(Map<String, String> env) {
        return callerIgnored(env) & ~LIBC_INTERNAL_SIGNALS;
    }

    private static final long LIBC_INTERNAL_SIGNALS = (1L << 31) | (1L << 32);
    /** The native-image runtime sets SIGPIPE to SIG_IGN before main, so there it says nothing about the caller. */
    private static final long RUNTIME_IGNORED = 1L << (Signals.SIGPIPE - 1);

    private static long callerIgnored(Map<String, String> env) {
        String carried = env.get(INHERITED_IGNORED_VAR);
        if (carried != null) {
            try {
                return Long.parseUnsignedLong(carried, 16);
            } catch (NumberFormatException ignored) {
                // fall through to what this process sees
            }
        }
        return ignoredNow();
    }

    private static long ignoredNow() {
        long ignored = HandledSignals.procStatusMask(Path.of("/proc/self/status"), "SigIgn:");
        return inNativeImage() ? ignored & ~RUNTIME_IGNORED : ignored;
    }

    /**
     * The running executable (java, or the native supervisor) by its real path: exec'ing /proc/self/exe itself would name the process
     * "exe" in ps, top and /proc/PID/comm.
     */
    private static byte[] executable() {
        try {
            Path real = Path.of("/proc/self/exe").toRealPath();
            if (java.nio.file.Files.isExecutable(real)) return NativeStrings.cString(real.toString());
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            // fall back to the link itself, which always works
        }
        return NativeStrings.cString("/proc/self/exe");
    }

    private static void relaunch(Map<String, String> env) {
        boolean hotspot = !inNativeImage();
        List<byte[]> argv = ProcSelf.commandLine();
        if (hotspot) {
            argv.addAll(1, LeanJvmOptions.forRelaunch(argv, env));
            byte[] xrs = "-Xrs".getBytes(StandardCharsets.US_ASCII);
            if (argv.stream().noneMatch(a -> Arrays.equals(a, xrs))) argv.add(1, xrs);
        }
        List<byte[]> envp = new ArrayList<>();
        env.forEach((k, v) -> {
            if (!k.equals(INHERITED_IGNORED_VAR) && !k.equals(JVM_SR_SIGNUM_VAR)) {
                envp.add((k + "=" + v).getBytes(StandardCharsets.UTF_8));
            }
        });
        if (hotspot) {
            envp.add((JVM_SR_SIGNUM_VAR + "=" + HandledSignals.JVM_SUSPEND_RESUME_SIGNAL).getBytes(StandardCharsets.UTF_8));
        }
        envp.add((INHERITED_IGNORED_VAR + "=" + Long.toHexString(ignoredNow())).getBytes(StandardCharsets.UTF_8));
        try {
            LibC.INSTANCE.execve(executable(), NativeStrings.array(argv), NativeStrings.array(envp));
        } catch (com.sun.jna.LastErrorException e) {
            throw new dev.supervisor.SupervisorException(dev.supervisor.ExitCode.OS_ERROR,
                    "cannot re-execute with signals blocked: execve: " + LibC.describe(e.getErrorCode()));
        }
    }
}
