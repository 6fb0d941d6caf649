package dev.supervisor.process;

import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The supervisor exits with the child's code, and leaves nothing of the child's running behind. */
class ExitStatusTest {
    private static final Duration EXIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private SupervisorProcess run(String childBody, String... options) throws Exception {
        Path child = ChildScripts.write(dir, "child.sh", "cd " + dir + "\n" + childBody);
        String[] args = new String[options.length + 3];
        args[0] = "run";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = "--";
        args[options.length + 2] = child.toString();
        return SupervisorProcess.in(dir).run(args);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 255})
    void childsExitCodeIsTheSupervisorsExitCode(int code) throws Exception {
        try (SupervisorProcess supervisor = run("exit " + code)) {
            assertEquals(code, supervisor.waitFor(EXIT), supervisor.stderr());
        }
    }

    @Test
    void childKilledBySignalNGives128PlusN() throws Exception {
        try (SupervisorProcess supervisor = run("kill -USR1 $$")) {
            assertEquals(128 + Signals.SIGUSR1, supervisor.waitFor(EXIT), supervisor.stderr());
        }
    }

    @Test
    void exitCodeMapTurnsDeathByTermIntoSuccess() throws Exception {
        try (SupervisorProcess supervisor = run("kill -TERM $$", "--exit-code-map", "143:0")) {
            assertEquals(0, supervisor.waitFor(EXIT), supervisor.stderr());
        }
    }

    @Test
    void leftoversInTheChildsGroupAndInOtherSessionsAreStoppedWhenTheChildExits() throws Exception {
        try (SupervisorProcess supervisor = run(
                "sleep 300 & echo $! > same-group.pid\n"
                        + "setsid bash -c 'echo $$ > own-session.pid; exec sleep 300' &\n"
                        + "while [ ! -s own-session.pid ]; do sleep 0.01; done\nexit 5")) {
            assertEquals(5, supervisor.waitFor(EXIT), supervisor.stderr());
            int sameGroup = Integer.parseInt(Eventually.text(dir.resolve("same-group.pid")).trim());
            int ownSession = Integer.parseInt(Eventually.text(dir.resolve("own-session.pid")).trim());
            assertFalse(ProcStatus.alive(sameGroup), "sleep in the child's group still running");
            assertFalse(ProcStatus.alive(ownSession), "sleep in its own session still running");
        }
    }

    @Test
    void leftoverIgnoringTermIsKilledAfterTheStopTimeout() throws Exception {
        long start = System.nanoTime();
        try (SupervisorProcess supervisor = run(
                "(trap '' TERM; echo $BASHPID > stubborn.pid; exec sleep 300) &\n"
                        + "while [ ! -s stubborn.pid ]; do sleep 0.01; done",
                "--stop-timeout", "1s")) {
            assertEquals(0, supervisor.waitFor(EXIT), supervisor.stderr());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            int stubborn = Integer.parseInt(Eventually.text(dir.resolve("stubborn.pid")).trim());
            assertFalse(ProcStatus.alive(stubborn), "the leftover ignoring TERM still runs");
            assertTrue(took.compareTo(Duration.ofSeconds(1)) >= 0, "KILL came before the stop timeout: " + took);
            assertTrue(supervisor.stderr().contains("KILL"), supervisor.stderr());
        }
    }
}
