package dev.supervisor.config;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fake servers in src/test/resources/servers behave as their real servers document, so end-to-end
 * preset tests (with the real process supervisor) can rely on them. Signals are sent with kill(1).
 */
class FakeServerScriptsTest {
    private static final Path SERVERS = Path.of("src/test/resources/servers");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} after {1} exits {2}")
    @CsvSource(delimiter = '|', value = {
            "unicorn  | QUIT      | 0   | ready,QUIT,graceful,exit 0",
            "unicorn  | TERM      | 143 | ready,TERM,fast,exit 143",
            "unicorn  | INT       | 130 | ready,INT,fast,exit 130",
            "unicorn  | USR2 TERM | 143 | ready,USR2,TERM,fast,exit 143",
            "puma     | TERM      | 0   | ready,TERM,graceful,exit 0",
            "sidekiq  | TSTP TERM | 0   | ready,TSTP,quiet,TERM,graceful,exit 0",
            "gunicorn | TERM      | 0   | ready,TERM,graceful,exit 0",
            "gunicorn | QUIT      | 131 | ready,QUIT,fast,exit 131",
            "nginx    | QUIT      | 0   | ready,QUIT,graceful,exit 0",
            "nginx    | TERM      | 143 | ready,TERM,fast,exit 143",
            "resque   | USR2 QUIT | 0   | ready,USR2,paused,QUIT,graceful,exit 0",
            "resque   | TERM      | 143 | ready,TERM,fast,exit 143",
    })
    void fakeServerAnswersSignalsLikeTheRealOne(String server, String signals, int exit, String log) throws Exception {
        Path signalLog = dir.resolve("signals.log");
        // A JVM's children inherit HotSpot's blocked QUIT; the real supervisor spawns with an empty mask,
        // here GNU env's --default-signal resets dispositions and unblocks every signal.
        ProcessBuilder pb = new ProcessBuilder("env", "--default-signal", "bash", SERVERS.resolve(server + ".sh").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().put("SIGNAL_LOG", signalLog.toString());
        Process p = pb.start();
        try {
            awaitLine(signalLog, "ready");
            String[] sequence = signals.trim().split(" ");
            for (int i = 0; i < sequence.length; i++) {
                kill(sequence[i], p.pid());
                if (i < sequence.length - 1) awaitLine(signalLog, sequence[i]);
            }
            assertTrue(p.waitFor(5, TimeUnit.SECONDS), server + " did not exit");
            assertEquals(exit, p.exitValue());
            assertEquals(List.of(log.split(",")), Files.readAllLines(signalLog));
        } finally {
            p.destroyForcibly();
        }
    }

    private static void kill(String signal, long pid) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).start().waitFor());
    }

    private static void awaitLine(Path file, String line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readAllLines(file).contains(line)) return;
            Thread.sleep(10);
        }
        throw new AssertionError("no '" + line + "' in " + file);
    }
}
