package dev.supervisor.process;

import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The supervisor as PID 1 of its own PID namespace, as in a container: the kernel only delivers signals
 * PID 1 has not left at SIG_DFL, which blocked signals satisfy.
 */
class PidNamespaceTest {
    private static final Duration EXIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void termMappedToQuitReachesTheChildAndItsExitCodeComesBack() throws Exception {
        Path log = dir.resolve("child.log");
        Path recorder = ChildScripts.signalRecorder(dir, List.of("TERM", "QUIT"), "QUIT", 7);
        try (SupervisorProcess supervisor = SupervisorProcess.in(dir).asPidOneOfNewNamespace()
                .run("run", "--signal-map", "TERM:QUIT", "--", recorder.toString(), log.toString())) {
            ChildScripts.awaitPid(log);
            supervisor.signal("TERM");
            assertEquals(7, supervisor.waitFor(EXIT), supervisor.stderr());
            assertEquals(List.of("QUIT"), Eventually.linesOf(log));
        }
    }

    @Test
    void childIgnoringTermIsKilledAfterTheStopTimeout() throws Exception {
        Path ready = dir.resolve("ready");
        Path child = ChildScripts.write(dir, "child.sh",
                "trap '' TERM\necho $$ > " + ready + "\nwhile :; do sleep 0.1; done");
        try (SupervisorProcess supervisor = SupervisorProcess.in(dir).asPidOneOfNewNamespace()
                .run("run", "--stop-timeout", "1s", "--", child.toString())) {
            Eventually.text(ready);
            long start = System.nanoTime();
            supervisor.signal("TERM");
            assertEquals(128 + Signals.SIGKILL, supervisor.waitFor(EXIT), supervisor.stderr());
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(900).toNanos(), "killed before the stop timeout");
            assertTrue(supervisor.stderr().contains("did not stop within 1000 ms"), supervisor.stderr());
        }
    }

    /** The leftover records the TERM it gets: the kernel's own cleanup when PID 1 exits would be a silent KILL. */
    @Test
    void leftoversGetTermWhenTheChildExits() throws Exception {
        Path left = dir.resolve("leftover.log");
        Path recorder = ChildScripts.signalRecorder(dir, List.of("TERM"), "TERM", 0);
        Path child = ChildScripts.write(dir, "child.sh",
                "setsid " + recorder + " " + left + " &\nwhile [ ! -s " + ChildScripts.pidFile(left) + " ]; do sleep 0.01; done");
        try (SupervisorProcess supervisor = SupervisorProcess.in(dir).asPidOneOfNewNamespace()
                .run("run", "--", child.toString())) {
            assertEquals(0, supervisor.waitFor(EXIT), supervisor.stderr());
            assertEquals(List.of("TERM"), Eventually.linesOf(left));
        }
    }
}
