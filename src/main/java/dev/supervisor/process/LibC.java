package dev.supervisor.process;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Every libc function, constant and buffer size the supervisor touches. Nothing else in the code base
 * calls native code. Sizes are glibc's on Linux x86_64 and aarch64 (the two platforms we ship); the
 * opaque types are allocated generously so a libc with a smaller layout still fits.
 */
public interface LibC extends Library {
    LibC INSTANCE = Loader.load();

    /** sigset_t is 1024 bits in glibc; the kernel only reads the first 8 bytes. */
    int SIGSET_BYTES = 128;
    /** siginfo_t is 128 bytes on Linux; si_signo at 0, si_code at 8, si_pid at 16, si_uid at 20. */
    int SIGINFO_BYTES = 128;
    /** posix_spawnattr_t is 336 bytes and posix_spawn_file_actions_t 80 in glibc; room to spare. */
    int SPAWN_OPAQUE_BYTES = 1024;

    int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;
    int WNOHANG = 1;
    int EINTR = 4, ECHILD = 10, EAGAIN = 11, ESRCH = 3, ENOENT = 2, EACCES = 13, ENOEXEC = 8, ENOTDIR = 20,
            EPERM = 1, ENOTTY = 25;
    int POSIX_SPAWN_SETPGROUP = 0x02, POSIX_SPAWN_SETSIGDEF = 0x04, POSIX_SPAWN_SETSIGMASK = 0x08;
    int PR_SET_CHILD_SUBREAPER = 36;
    int F_GETFD = 1, F_SETFD = 2, FD_CLOEXEC = 1;

    // --- signals -----------------------------------------------------------------------------------
    int sigemptyset(Pointer set);
    int sigaddset(Pointer set, int signal);
    int sigismember(Pointer set, int signal);
    /** Per thread; a blocked mask survives execve, which is how the JVM starts with signals blocked. */
    int pthread_sigmask(int how, Pointer set, Pointer oldSet);
    /** Returns the signal number, or -1 with errno EAGAIN on timeout / EINTR. */
    int sigtimedwait(Pointer set, Pointer info, Pointer timeout) throws LastErrorException;
    /** The signals pending for the calling thread or the whole process (blocked ones, here). */
    int sigpending(Pointer set);
    int kill(int pid, int signal) throws LastErrorException;

    // --- processes ---------------------------------------------------------------------------------
    int getpid();
    int getppid();
    int getpgrp();
    int waitpid(int pid, int[] status, int options) throws LastErrorException;
    int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException;
    /** Paths and strings are NUL-terminated bytes ({@link NativeStrings}): argv and env stay byte-exact whatever the locale. */
    int execve(byte[] path, Pointer argv, Pointer envp) throws LastErrorException;

    /** Returns 0 or an error number (posix_spawn does not use errno). */
    int posix_spawnp(int[] pid, byte[] file, Pointer fileActions, Pointer attr, Pointer argv, Pointer envp);
    int posix_spawnattr_init(Pointer attr);
    int posix_spawnattr_destroy(Pointer attr);
    int posix_spawnattr_setflags(Pointer attr, short flags);
    int posix_spawnattr_setpgroup(Pointer attr, int pgroup);
    int posix_spawnattr_setsigmask(Pointer attr, Pointer set);
    int posix_spawnattr_setsigdefault(Pointer attr, Pointer set);
    int posix_spawn_file_actions_init(Pointer actions);
    int posix_spawn_file_actions_destroy(Pointer actions);
    /** glibc 2.34+: closes every descriptor from {@code fd} on in the child, so no JVM fd leaks into the app. */
    int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int fd);
    /** glibc 2.29+. */
    int posix_spawn_file_actions_addchdir_np(Pointer actions, byte[] path);
    /** glibc 2.35+: the child makes its own group the terminal's foreground group before exec. */
    int posix_spawn_file_actions_addtcsetpgrp_np(Pointer actions, int ttyFd);

    // --- terminals and descriptors -----------------------------------------------------------------
    int isatty(int fd);
    int tcgetpgrp(int fd);
    int tcsetpgrp(int fd, int pgrp) throws LastErrorException;
    int fcntl(int fd, int cmd, int arg) throws LastErrorException;
    int chdir(byte[] path) throws LastErrorException;

    String strerror(int errnum);

    /** glibc: returns freed heap memory to the kernel (the JVM's malloc arenas after start-up work). */
    int malloc_trim(long pad);

    /** A zeroed sigset_t holding {@code signals}. */
    static Memory sigset(int... signals) {
        Memory set = new Memory(SIGSET_BYTES);
        set.clear();
        for (int s : signals) INSTANCE.sigaddset(set, s);
        return set;
    }

    static String describe(int errno) {
        return INSTANCE.strerror(errno);
    }

    /**
     * Loads glibc by its soname. Setting {@code jna.platform.library.path} first stops JNA from running
     * {@code ldconfig -p} in a child process to find library directories: a fork from what is about to be
     * PID 1, before any of our reaping is in place, and 10-20 ms of start-up, for a library the dynamic
     * linker finds by itself.
     */
    final class Loader {
        private static final String LIBRARY_DIRS = "/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu:"
                + "/lib/aarch64-linux-gnu:/usr/lib/aarch64-linux-gnu:/lib64:/usr/lib64:/lib:/usr/lib";

        private Loader() {}

        static LibC load() {
            if (System.getProperty("jna.platform.library.path") == null) {
                System.setProperty("jna.platform.library.path", LIBRARY_DIRS);
            }
            try {
                return Native.load("libc.so.6", LibC.class);
            } catch (UnsatisfiedLinkError notGlibcSoname) {
                return Native.load("c", LibC.class);
            }
        }
    }
}
