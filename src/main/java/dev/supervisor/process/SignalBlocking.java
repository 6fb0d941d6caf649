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
 * <p>In a GraalVM native image main runs on the primordial thread before any other thread exists, so
 * blocking there is enough and no re-exec is needed.
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
                    "signals are not blocked after relaunching the JVM with -Xrs; cannot supervise "
                            + "(unset " + INHERITED_IGNORED_VAR + " if it leaked in from a parent)");
        }
        LibC libc = LibC.INSTANCE;
        libc.pthread_sigmask(LibC.SIG_BLOCK, HandledSignals.sigset(), null);
        if (inNativeImage()) return;
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

    private static long callerIgnored(Map<String, String> env) {
        String carried = env.get(INHERITED_IGNORED_VAR);
        if (carried != null) {
            try {
                return Long.parseUnsignedLong(carried, 16);
            } catch (NumberFormatException ignored) {
                // fall through to what this process sees
            }
        }
        return HandledSignals.procStatusMask(Path.of("/proc/self/status"), "SigIgn:");
    }

    /**
     * The running java binary by its real path: exec'ing /proc/self/exe itself would name the process
     * "exe" in ps, top and /proc/PID/comm.
     */
    private static byte[] javaBinary() {
        try {
            Path real = Path.of("/proc/self/exe").toRealPath();
            if (java.nio.file.Files.isExecutable(real)) return NativeStrings.cString(real.toString());
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            // fall back to the link itself, which always works
        }
        return NativeStrings.cString("/proc/self/exe");
    }

    private static void relaunch(Map<String, String> env) {
        List<byte[]> argv = ProcSelf.commandLine();
        argv.addAll(1, LeanJvmOptions.forRelaunch(argv, env));
        byte[] xrs = "-Xrs".getBytes(StandardCharsets.US_ASCII);
        if (argv.stream().noneMatch(a -> Arrays.equals(a, xrs))) argv.add(1, xrs);
        List<byte[]> envp = new ArrayList<>();
        env.forEach((k, v) -> {
            if (!k.equals(INHERITED_IGNORED_VAR) && !k.equals(JVM_SR_SIGNUM_VAR)) {
                envp.add((k + "=" + v).getBytes(StandardCharsets.UTF_8));
            }
        });
        envp.add((JVM_SR_SIGNUM_VAR + "=" + HandledSignals.JVM_SUSPEND_RESUME_SIGNAL).getBytes(StandardCharsets.UTF_8));
        envp.add((INHERITED_IGNORED_VAR + "=" + Long.toHexString(HandledSignals.procStatusMask(
                Path.of("/proc/self/status"), "SigIgn:"))).getBytes(StandardCharsets.UTF_8));
        try {
            LibC.INSTANCE.execve(javaBinary(), NativeStrings.array(argv), NativeStrings.array(envp));
        } catch (com.sun.jna.LastErrorException e) {
            throw new dev.supervisor.SupervisorException(dev.supervisor.ExitCode.OS_ERROR,
                    "cannot re-execute the JVM with signals blocked: execve: " + LibC.describe(e.getErrorCode()));
        }
    }
}
