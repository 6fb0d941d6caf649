package dev.supervisor.servers;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real app server's executable, or a skipped test saying which Debian package provides it. CI
 * ({@code .ci/run}) installs the packages; a developer machine without them still runs the rest.
 */
final class ServerBinary {
    private ServerBinary() {}

    /** The executable's path; skips the calling test when it is not installed. */
    static Path require(String executable, String debianPackage) {
        Path found = find(executable);
        Assumptions.assumeTrue(found != null, executable + " is not installed (apt-get install " + debianPackage
                + "); this test runs the real server");
        return found;
    }

    private static Path find(String executable) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        // nginx lives in /usr/sbin, which a non-root PATH often lacks.
        dirs.addAll(List.of("/usr/local/sbin", "/usr/sbin", "/sbin"));
        for (String dir : dirs) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }
}
