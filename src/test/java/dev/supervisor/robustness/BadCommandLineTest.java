package dev.supervisor.robustness;

import dev.supervisor.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.supervisor.robustness.Hostile.assertRejected;
import static dev.supervisor.robustness.Hostile.supervisor;

/** Bad flags are usage errors (64): one line, nothing started. */
class BadCommandLineTest {
    @TempDir
    Path dir;

    @Test
    void aSignalNameThatDoesNotExistIsAUsageError() throws Exception {
        assertRejected(supervisor(dir), dir, ExitCode.USAGE, "unknown signal 'FOO'", "run", "--signal-map", "TERM:FOO");
    }

    @Test
    void aNegativeStopTimeoutIsAUsageError() throws Exception {
        assertRejected(supervisor(dir), dir, ExitCode.USAGE, "invalid duration '-1s'", "run", "--stop-timeout", "-1s");
    }

    @Test
    void anUnknownOptionIsOneErrorLine() throws Exception {
        assertRejected(supervisor(dir), dir, ExitCode.USAGE, "Unknown option: '--bogus'", "run", "--bogus");
    }
}
