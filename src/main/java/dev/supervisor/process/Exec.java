package dev.supervisor.process;

import com.sun.jna.LastErrorException;
import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --exec}: the supervisor replaces itself with the command (after secrets were put in the
 * environment), leaving no supervision behind, like {@code exec} at the end of an entrypoint script.
 */
public final class Exec {
    private Exec() {}

    /** Does not return on success. */
    public static void replaceWith(LaunchSpec spec) {
        LibC libc = LibC.INSTANCE;
        byte[] program = CommandLookup.resolve(spec.argv().get(0), spec.environment(), spec.workdir());
        closeOnExecAllButStandard();
        libc.pthread_sigmask(LibC.SIG_SETMASK, LibC.sigset(), null);
        try {
            if (spec.workdir() != null) libc.chdir(NativeStrings.cString(spec.workdir().toString()));
            libc.execve(NativeStrings.cString(program), NativeStrings.array(spec.argv()),
                    NativeStrings.array(spec.environment()));
        } catch (LastErrorException e) {
            libc.pthread_sigmask(LibC.SIG_SETMASK, HandledSignals.sigset(), null);
            int errno = e.getErrorCode();
            int code = errno == LibC.ENOENT ? ExitCode.NOT_FOUND
                    : errno == LibC.EACCES || errno == LibC.ENOEXEC ? ExitCode.NOT_EXECUTABLE : ExitCode.OS_ERROR;
            throw new SupervisorException(code, "cannot exec " + spec.commandName() + ": " + LibC.describe(errno));
        }
    }

    /** The JVM opens jars, epoll and sockets without O_CLOEXEC; none of them may leak into the app. */
    private static void closeOnExecAllButStandard() {
        LibC libc = LibC.INSTANCE;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                int n = Integer.parseInt(fd.getFileName().toString());
                if (n <= 2) continue;
                try {
                    libc.fcntl(n, LibC.F_SETFD, LibC.FD_CLOEXEC);
                } catch (LastErrorException ignored) {
                    // the directory stream's own fd closes on its own
                }
            }
        } catch (IOException e) {
            throw new SupervisorException(ExitCode.OS_ERROR, "cannot list /proc/self/fd before exec: " + e.getMessage());
        }
    }
}
