package dev.supervisor.process;

import com.sun.jna.Memory;
import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;

import java.nio.charset.StandardCharsets;

/**
 * Starts the child with posix_spawn (not ProcessBuilder: the JDK's reaper thread would race our
 * waitpid). The child gets its own process group, an empty signal mask, default dispositions for every
 * signal except those the supervisor's caller ignored (nohup), the standard descriptors and no others,
 * and, under a terminal, the foreground.
 */
public final class Spawner {
    private Spawner() {}

    /** Returns the child's pid (also its process group id). */
    public static int spawn(LaunchSpec spec, Terminal terminal) {
        LibC libc = LibC.INSTANCE;
        byte[] program = CommandLookup.resolve(spec.argv().get(0), spec.environment(), spec.workdir());
        Memory attr = new Memory(LibC.SPAWN_OPAQUE_BYTES);
        Memory actions = new Memory(LibC.SPAWN_OPAQUE_BYTES);
        attr.clear();
        actions.clear();
        check(libc.posix_spawnattr_init(attr), "posix_spawnattr_init");
        check(libc.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
        try {
            short flags = (short) (LibC.POSIX_SPAWN_SETPGROUP | LibC.POSIX_SPAWN_SETSIGMASK | LibC.POSIX_SPAWN_SETSIGDEF);
            check(libc.posix_spawnattr_setflags(attr, flags), "posix_spawnattr_setflags");
            check(libc.posix_spawnattr_setpgroup(attr, 0), "posix_spawnattr_setpgroup");
            check(libc.posix_spawnattr_setsigmask(attr, LibC.sigset()), "posix_spawnattr_setsigmask");
            check(libc.posix_spawnattr_setsigdefault(attr, defaultDispositions(spec.inheritedIgnored())),
                    "posix_spawnattr_setsigdefault");
            check(libc.posix_spawn_file_actions_addclosefrom_np(actions, 3), "posix_spawn_file_actions_addclosefrom_np");
            if (spec.workdir() != null) {
                check(libc.posix_spawn_file_actions_addchdir_np(actions, NativeStrings.cString(spec.workdir().toString())),
                        "posix_spawn_file_actions_addchdir_np");
            }
            if (terminal != null) {
                check(libc.posix_spawn_file_actions_addtcsetpgrp_np(actions, terminal.fd()),
                        "posix_spawn_file_actions_addtcsetpgrp_np");
            }
            int[] pid = new int[1];
            int rc = libc.posix_spawnp(pid, NativeStrings.cString(program), actions, attr,
                    NativeStrings.array(spec.argv()), NativeStrings.array(spec.environment()));
            if (rc != 0) throw spawnFailure(rc, new String(program, StandardCharsets.UTF_8), spec);
            return pid[0];
        } finally {
            libc.posix_spawn_file_actions_destroy(actions);
            libc.posix_spawnattr_destroy(attr);
        }
    }

    /**
     * Every signal but KILL and STOP goes back to SIG_DFL, except those the supervisor's caller set to
     * SIG_IGN (nohup). The bits are written straight into the sigset: glibc's sigaddset refuses its
     * internal signals 32 and 33, and posix_spawn then sets those to SIG_IGN in the child, which execve
     * keeps, so every app would start with two signals ignored (glibc sysdeps/unix/sysv/linux/spawni.c).
     */
    private static Memory defaultDispositions(long inheritedIgnored) {
        long defaults = 0;
        for (int s = 1; s <= Signals.SIGRTMAX; s++) {
            if (s == Signals.SIGKILL || s == Signals.SIGSTOP) continue;
            defaults |= 1L << (s - 1);
        }
        Memory set = LibC.sigset();
        set.setLong(0, defaults & ~inheritedIgnored);
        return set;
    }

    private static SupervisorException spawnFailure(int errno, String program, LaunchSpec spec) {
        String reason = LibC.describe(errno);
        return switch (errno) {
            case LibC.ENOENT -> new SupervisorException(ExitCode.NOT_FOUND, "cannot run " + program + ": " + reason
                    + (spec.workdir() != null ? " (or working directory " + spec.workdir() + " is missing)" : ""));
            case LibC.EACCES, LibC.ENOEXEC, LibC.ENOTDIR, LibC.EPERM ->
                    new SupervisorException(ExitCode.NOT_EXECUTABLE, "cannot run " + program + ": " + reason);
            default -> new SupervisorException(ExitCode.OS_ERROR, "posix_spawn " + program + ": " + reason);
        };
    }

    private static void check(int rc, String call) {
        if (rc != 0) throw new SupervisorException(ExitCode.OS_ERROR, call + ": " + LibC.describe(rc));
    }
}
