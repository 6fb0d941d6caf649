package dev.supervisor.process;

import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code docker run -it}: the supervisor on a pseudo-terminal it controls. A python pty driver starts it as
 * a session leader with the terminal as its controlling tty, sets TOSTOP (so any write from the background
 * would raise TTOU), and types Ctrl-C once the child's traps are set.
 */
class TerminalTest {
    private static final String DRIVER = """
            import fcntl, os, subprocess, sys, termios, threading, time
            out, ready, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
            master, slave = os.openpty()
            attrs = termios.tcgetattr(slave)
            attrs[3] |= termios.TOSTOP
            termios.tcsetattr(slave, termios.TCSANOW, attrs)
            p = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, start_new_session=True,
                                 preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
            os.close(slave)
            with open(out + '/supervisor.pid', 'w') as f: f.write(str(p.pid))
            def drain():
                with open(out + '/tty-output', 'wb') as f:
                    while True:
                        try: data = os.read(master, 4096)
                        except OSError: return
                        if not data: return
                        f.write(data); f.flush()
            threading.Thread(target=drain, daemon=True).start()
            for _ in range(2000):
                if os.path.exists(ready) and os.path.getsize(ready) > 0: break
                time.sleep(0.01)
            os.write(master, b'\\x03')
            sys.exit(p.wait())
            """;

    @TempDir
    Path dir;

    private Path log;
    private Process driver;
    private int supervisorPid;
    private int childPid;

    @BeforeEach
    void startOnATerminal() throws Exception {
        log = dir.resolve("child.log");
        Path recorder = ChildScripts.signalRecorder(dir, List.of("INT", "USR1", "TERM"), "TERM", 0);
        Path driverScript = Files.writeString(dir.resolve("pty-driver.py"), DRIVER);
        List<String> cmd = new ArrayList<>(List.of(python(), driverScript.toString(), dir.toString(),
                ChildScripts.pidFile(log).toString()));
        cmd.addAll(SupervisorProcess.javaCommand());
        cmd.addAll(List.of("run", "-v", "--", recorder.toString(), log.toString()));
        driver = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("driver-output").toFile()).start();
        childPid = ChildScripts.awaitPid(log);
        supervisorPid = Integer.parseInt(Eventually.text(dir.resolve("supervisor.pid")));
    }

    private static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private int finish() throws Exception {
        LibC.INSTANCE.kill(supervisorPid, Signals.SIGTERM);
        assertTrue(driver.waitFor(20, TimeUnit.SECONDS), "supervisor did not exit; tty: " + ttyOutput());
        return driver.exitValue();
    }

    private String ttyOutput() throws Exception {
        Path out = dir.resolve("tty-output");
        return Files.exists(out) ? Files.readString(out) : "";
    }

    @Test
    void childsGroupBecomesTheTerminalsForegroundGroup() throws Exception {
        ProcStatus child = ProcStatus.of(childPid);
        assertEquals(childPid, child.pgid());
        assertEquals(child.pgid(), child.tpgid());
        assertNotEquals(ProcStatus.of(supervisorPid).pgid(), child.tpgid());
        assertEquals(0, finish(), ttyOutput());
    }

    /** USR1 sent through the supervisor afterwards: a second INT forwarded by it would have come first. */
    @Test
    void ctrlCReachesTheChildExactlyOnce() throws Exception {
        assertEquals(List.of("INT"), Eventually.lines(log, 1));
        LibC.INSTANCE.kill(supervisorPid, Signals.SIGUSR1);
        assertEquals(List.of("INT", "USR1"), Eventually.lines(log, 2));
        assertEquals(0, finish(), ttyOutput());
        assertEquals(List.of("INT", "USR1", "TERM"), Eventually.linesOf(log));
    }

    /** Verbose lines written from the background with TOSTOP, and taking the terminal back at the end. */
    @Test
    void supervisorNeverStopsOnTerminalAccessFromTheBackground() throws Exception {
        Eventually.lines(log, 1);
        LibC.INSTANCE.kill(supervisorPid, Signals.SIGUSR1);
        Eventually.lines(log, 2);
        assertNotEquals('T', ProcStatus.of(supervisorPid).state());
        assertEquals(0, finish(), ttyOutput());
        assertTrue(ttyOutput().contains("supervisor: sent USR1"), ttyOutput());
    }
}
