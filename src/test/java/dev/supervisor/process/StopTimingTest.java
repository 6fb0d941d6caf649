package dev.supervisor.process;

import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a stop reaches the child: after --stop-delay, at once on a second TERM, never if it came before the start. */
class StopTimingTest {
    private static final Duration EXIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void termIsForwardedOnlyAfterTheStopDelay() throws Exception {
        Path log = dir.resolve("child.log");
        Path recorder = ChildScripts.signalRecorder(dir, List.of("TERM"), "TERM", 0);
        try (SupervisorProcess supervisor = SupervisorProcess.in(dir)
                .run("run", "--stop-delay", "2s", "--", recorder.toString(), log.toString())) {
            ChildScripts.awaitPid(log);
            long sent = System.nanoTime();
            supervisor.signal("TERM");
            Eventually.pause(1000);
            assertEquals(List.of(), Eventually.linesOf(log), "TERM forwarded within the first second of a 2 s delay");
            Eventually.lines(log, 1);
            Duration took = Duration.ofNanos(System.nanoTime() - sent);
            assertTrue(took.compareTo(Duration.ofMillis(1900)) >= 0, "forwarded after " + took);
            assertEquals(0, supervisor.waitFor(EXIT), supervisor.stderr());
        }
    }

    /** The verbose line tells when the first TERM is being held, so the second one surely lands in the delay. */
    @Test
    void secondTermDuringTheDelayIsForwardedAtOnce() throws Exception {
        Path log = dir.resolve("child.log");
        Path recorder = ChildScripts.signalRecorder(dir, List.of("TERM"), "TERM", 0);
        try (SupervisorProcess supervisor = SupervisorProcess.in(dir)
                .run("run", "-v", "--stop-delay", "30s", "--", recorder.toString(), log.toString())) {
            ChildScripts.awaitPid(log);
            supervisor.signal("TERM");
            Eventually.await("the supervisor to hold TERM", () -> supervisor.stderr().contains("stop delay"));
            supervisor.signal("TERM");
            assertEquals(List.of("TERM"), Eventually.lines(log, 1));
            assertEquals(0, supervisor.waitFor(EXIT), supervisor.stderr());
        }
    }

    /**
     * TERM made pending (blocked, then raised) before java even starts: a pending signal survives execve, so it
     * is waiting when the relaunched supervisor starts. -Xrs keeps the first JVM from acting on it itself.
     */
    @Test
    void stopSignalBeforeTheChildStartsExits143AndStartsNothing() throws Exception {
        Path started = dir.resolve("started");
        Path child = ChildScripts.write(dir, "child.sh", "echo yes > " + started);
        Path launcher = Files.writeString(dir.resolve("pending-term.py"), """
                import os, signal, sys
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
                os.kill(os.getpid(), signal.SIGTERM)
                os.execv(sys.argv[1], [sys.argv[1], '-Xrs'] + sys.argv[2:])
                """);
        try (SupervisorProcess supervisor = SupervisorProcess.in(dir).wrappedIn(python(), launcher.toString())
                .run("run", "--", child.toString())) {
            assertEquals(128 + Signals.SIGTERM, supervisor.waitFor(EXIT), supervisor.stderr());
            assertFalse(Files.exists(started), "the child ran");
        }
    }

    private static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }
}
