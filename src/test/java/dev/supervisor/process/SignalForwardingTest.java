package dev.supervisor.process;

import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Signals sent to the supervisor with kill(2) reach the child: in order, once each, rewritten or dropped as mapped. */
class SignalForwardingTest {
    private static final Duration EXIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /**
     * Every signal an app may use, one at a time (pending standard signals would be taken lowest number
     * first, so a burst has no order to keep). TERM comes last and makes the child exit.
     */
    @Test
    void everyCatchableSignalReachesTheChildInOrderOnceEach() throws Exception {
        List<String> signals = List.of("HUP", "INT", "QUIT", "USR1", "USR2", "WINCH", "CONT", "ALRM", "PIPE", "TTIN",
                "TTOU", "TSTP", "URG", "RTMIN", "RTMIN+3", "RTMAX-3", "ABRT", "TRAP", "SYS", "XCPU", "VTALRM", "PROF",
                "IO", "PWR", "STKFLT", "TERM");
        Path log = dir.resolve("child.log");
        Path recorder = ChildScripts.signalRecorder(dir, signals, "TERM", 0);
        try (SupervisorProcess supervisor = SupervisorProcess.in(dir).run("run", "--", recorder.toString(), log.toString())) {
            ChildScripts.awaitPid(log);
            List<String> sent = new ArrayList<>();
            for (String signal : signals) {
                supervisor.signal(signal);
                sent.add(signal);
                assertEquals(sent, Eventually.lines(log, sent.size()), "after sending " + signal);
            }
            assertEquals(0, supervisor.waitFor(EXIT), supervisor.stderr());
            assertEquals(signals, Eventually.linesOf(log));
        }
    }

    @Test
    void termMappedToQuitReachesTheChildAsQuit() throws Exception {
        Path log = dir.resolve("child.log");
        Path recorder = ChildScripts.signalRecorder(dir, List.of("TERM", "QUIT"), "QUIT", 7);
        try (SupervisorProcess supervisor = SupervisorProcess.in(dir)
                .run("run", "--signal-map", "TERM:QUIT", "--", recorder.toString(), log.toString())) {
            ChildScripts.awaitPid(log);
            supervisor.signal("TERM");
            assertEquals(7, supervisor.waitFor(EXIT), supervisor.stderr());
            assertEquals(List.of("QUIT"), Eventually.linesOf(log));
        }
    }

    /** USR1 follows WINCH through the same queue, so once USR1 arrived a forwarded WINCH would have too. */
    @Test
    void signalMappedToZeroIsDropped() throws Exception {
        Path log = dir.resolve("child.log");
        Path recorder = ChildScripts.signalRecorder(dir, List.of("WINCH", "USR1", "TERM"), "TERM", 0);
        try (SupervisorProcess supervisor = SupervisorProcess.in(dir)
                .run("run", "--signal-map", "WINCH:0", "--", recorder.toString(), log.toString())) {
            ChildScripts.awaitPid(log);
            supervisor.signal("WINCH");
            supervisor.signal("USR1");
            assertEquals(List.of("USR1"), Eventually.lines(log, 1));
            supervisor.signal("TERM");
            assertEquals(0, supervisor.waitFor(EXIT), supervisor.stderr());
            assertEquals(List.of("USR1", "TERM"), Eventually.linesOf(log));
        }
    }

    @Test
    void processGroupOptionDeliversToGrandchildrenInTheChildsGroup() throws Exception {
        Path childLog = dir.resolve("child.log");
        Path grandchildLog = dir.resolve("grandchild.log");
        Path recorder = ChildScripts.signalRecorder(dir, List.of("USR1", "TERM"), "TERM", 0);
        Path parent = ChildScripts.write(dir, "parent.sh", recorder + " " + grandchildLog + " &\nexec " + recorder + " " + childLog);
        try (SupervisorProcess supervisor = SupervisorProcess.in(dir).run("run", "--process-group", "--", parent.toString())) {
            ChildScripts.awaitPid(childLog);
            ChildScripts.awaitPid(grandchildLog);
            supervisor.signal("USR1");
            assertEquals(List.of("USR1"), Eventually.lines(childLog, 1));
            assertEquals(List.of("USR1"), Eventually.lines(grandchildLog, 1));
            supervisor.signal("TERM");
            assertEquals(0, supervisor.waitFor(EXIT), supervisor.stderr());
        }
    }

    /** USR2 sent straight to the grandchild afterwards: had USR1 reached it, bash would have run that trap first. */
    @Test
    void byDefaultOnlyTheChildItselfGetsTheSignal() throws Exception {
        Path childLog = dir.resolve("child.log");
        Path grandchildLog = dir.resolve("grandchild.log");
        Path recorder = ChildScripts.signalRecorder(dir, List.of("USR1", "USR2", "TERM"), "TERM", 0);
        Path parent = ChildScripts.write(dir, "parent.sh", recorder + " " + grandchildLog + " &\nexec " + recorder + " " + childLog);
        try (SupervisorProcess supervisor = SupervisorProcess.in(dir).run("run", "--", parent.toString())) {
            ChildScripts.awaitPid(childLog);
            int grandchild = ChildScripts.awaitPid(grandchildLog);
            supervisor.signal("USR1");
            assertEquals(List.of("USR1"), Eventually.lines(childLog, 1));
            LibC.INSTANCE.kill(grandchild, Signals.SIGUSR2);
            assertEquals(List.of("USR2"), Eventually.lines(grandchildLog, 1));
            supervisor.signal("TERM");
            assertEquals(0, supervisor.waitFor(EXIT), supervisor.stderr());
        }
    }
}
