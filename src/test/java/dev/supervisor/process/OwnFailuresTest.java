package dev.supervisor.process;

import dev.supervisor.ExitCode;
import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** When the supervisor itself cannot start the app: a documented exit code and one line, never a stack trace. */
class OwnFailuresTest {
    private static final Duration EXIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private void assertFailsWith(int code, String... args) throws Exception {
        try (SupervisorProcess supervisor = SupervisorProcess.in(dir).run(args)) {
            assertEquals(code, supervisor.waitFor(EXIT), supervisor.stderr());
            String err = supervisor.stderr();
            List<String> own = err.lines().filter(l -> l.startsWith("supervisor: ")).toList();
            assertEquals(1, own.size(), err);
            assertFalse(err.contains("\tat ") || err.contains("Exception"), err);
        }
    }

    @Test
    void commandNotFoundIs127() throws Exception {
        assertFailsWith(ExitCode.NOT_FOUND, "run", "--", "no-such-command-anywhere");
    }

    @Test
    void fileWithoutExecutePermissionIs126() throws Exception {
        Path script = Files.writeString(dir.resolve("plain.sh"), "#!/bin/sh\nexit 0\n");
        assertFailsWith(ExitCode.NOT_EXECUTABLE, "run", "--", script.toString());
    }

    @Test
    void directoryAsCommandIs126() throws Exception {
        assertFailsWith(ExitCode.NOT_EXECUTABLE, "run", "--", dir.toString());
    }

    @Test
    void unknownOptionIs64() throws Exception {
        assertFailsWith(ExitCode.USAGE, "run", "--no-such-option", "--", "true");
    }

    @Test
    void unknownSignalNameIs64() throws Exception {
        assertFailsWith(ExitCode.USAGE, "run", "--signal-map", "FOO:BAR", "--", "true");
    }

    @Test
    void negativeStopTimeoutIs64() throws Exception {
        assertFailsWith(ExitCode.USAGE, "run", "--stop-timeout", "-1s", "--", "true");
    }

    @Test
    void missingCommandIs64() throws Exception {
        assertFailsWith(ExitCode.USAGE, "run");
    }
}
