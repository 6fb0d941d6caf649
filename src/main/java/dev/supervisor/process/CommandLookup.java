package dev.supervisor.process;

import dev.supervisor.ExitCode;
import dev.supervisor.SupervisorException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds argv[0] the way a shell does, in the PATH of the child's environment (posix_spawnp would
 * search the supervisor's own PATH instead), and turns "not there" and "not runnable" into the shell's
 * exit codes 127 and 126 before anything is spawned.
 */
public final class CommandLookup {
    private static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private CommandLookup() {}

    /** The program to execute, as bytes; a name with a slash is used as it is (relative to workdir). */
    public static byte[] resolve(byte[] argv0, List<byte[]> environment, Path workdir) {
        String name = new String(argv0, StandardCharsets.UTF_8);
        if (name.isEmpty()) throw new SupervisorException(ExitCode.NOT_FOUND, "empty command");
        if (name.contains("/")) {
            Path path = workdir != null ? workdir.resolve(name) : Path.of(name);
            check(path, name);
            return argv0;
        }
        Path notExecutable = null;
        for (String dir : pathOf(environment).split(":", -1)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir).resolve(name);
            if (Files.isRegularFile(candidate)) {
                if (Files.isExecutable(candidate)) return candidate.toString().getBytes(StandardCharsets.UTF_8);
                if (notExecutable == null) notExecutable = candidate;
            }
        }
        if (notExecutable != null) {
            throw new SupervisorException(ExitCode.NOT_EXECUTABLE, "command not executable: " + notExecutable
                    + " (permission denied; chmod +x it)");
        }
        throw new SupervisorException(ExitCode.NOT_FOUND, "command not found: " + name + " (searched PATH="
                + pathOf(environment) + ")");
    }

    private static void check(Path path, String name) {
        if (!Files.exists(path)) throw new SupervisorException(ExitCode.NOT_FOUND, "command not found: " + name);
        if (Files.isDirectory(path)) {
            throw new SupervisorException(ExitCode.NOT_EXECUTABLE, "command not executable: " + name + " is a directory");
        }
        if (!Files.isExecutable(path)) {
            throw new SupervisorException(ExitCode.NOT_EXECUTABLE, "command not executable: " + name
                    + " (permission denied; chmod +x it)");
        }
    }

    private static String pathOf(List<byte[]> environment) {
        for (byte[] entry : environment) {
            if (entry.length > 5 && entry[0] == 'P' && entry[1] == 'A' && entry[2] == 'T' && entry[3] == 'H' && entry[4] == '=') {
                return new String(entry, 5, entry.length - 5, StandardCharsets.UTF_8);
            }
        }
        return DEFAULT_PATH;
    }
}
