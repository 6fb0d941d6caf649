package dev.supervisor.process;

import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code --exec}: the command takes the supervisor's place, like {@code exec} at the end of an entrypoint script. */
class ExecModeTest {
    @TempDir
    Path dir;

    @Test
    void commandReplacesTheSupervisorWithACleanState() throws Exception {
        Path child = ChildScripts.write(dir, "child.sh", "cd " + dir + "\necho $$ > pid\nls /proc/self/fd > fds\n"
                + "exec grep SigBlk /proc/self/status > mask");
        try (SupervisorProcess supervisor = SupervisorProcess.in(dir).run("run", "--exec", "--", child.toString())) {
            assertEquals(0, supervisor.waitFor(Duration.ofSeconds(20)), supervisor.stderr());
            assertEquals(Integer.toString(supervisor.pid()), Eventually.text(dir.resolve("pid")));
            assertEquals(List.of("0", "1", "2", "3"), Eventually.lines(dir.resolve("fds"), 1));
            assertEquals("SigBlk:\t0000000000000000", Eventually.text(dir.resolve("mask")));
        }
    }

    @Test
    void childsExitCodeIsTheProcesssExitCode() throws Exception {
        Path child = ChildScripts.write(dir, "child.sh", "exit 42");
        try (SupervisorProcess supervisor = SupervisorProcess.in(dir).run("run", "--exec", "--", child.toString())) {
            assertEquals(42, supervisor.waitFor(Duration.ofSeconds(20)), supervisor.stderr());
        }
    }
}
