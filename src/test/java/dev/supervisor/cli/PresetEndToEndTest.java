package dev.supervisor.cli;

import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each preset against a script that behaves like its server on signals (src/test/resources/servers):
 * the platform's TERM must become the server's graceful stop.
 */
class PresetEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    static Path server(String name) {
        try {
            return Path.of(PresetEndToEndTest.class.getResource("/servers/" + name + ".sh").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path log() {
        return dir.resolve("signals.log");
    }

    private List<String> awaitLog(String line) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log()) && Files.readAllLines(log()).contains(line)) return Files.readAllLines(log());
            Thread.sleep(10);
        }
        throw new AssertionError("no '" + line + "' in " + (Files.exists(log()) ? Files.readAllLines(log()) : "(no log)"));
    }

    private SupervisorProcess start(String... args) throws IOException {
        return SupervisorProcess.in(dir).env("SIGNAL_LOG", log().toString()).run(args);
    }

    @ParameterizedTest(name = "{0}: TERM reaches the server as {1}")
    @CsvSource({
            "unicorn,  unicorn,  QUIT",
            "puma,     puma,     TERM",
            "sidekiq,  sidekiq,  TERM",
            "gunicorn, gunicorn, TERM",
            "nginx,    nginx,    QUIT",
            "resque,   resque,   QUIT"})
    void platformTermBecomesTheServersGracefulStop(String preset, String script, String expected) throws Exception {
        try (SupervisorProcess p = start("run", "--preset", preset, "--", "bash", server(script).toString())) {
            awaitLog("ready");
            p.signal("TERM");
            assertEquals(0, p.waitFor(WAIT), p.stderr());
        }
        assertEquals(List.of("ready", expected, "graceful", "exit 0"), Files.readAllLines(log()));
    }

    @Test
    void withoutThePresetUnicornDiesAtOnceOnTerm() throws Exception {
        try (SupervisorProcess p = start("run", "--", "bash", server("unicorn").toString())) {
            awaitLog("ready");
            p.signal("TERM");
            assertEquals(143, p.waitFor(WAIT), p.stderr());
        }
        assertEquals(List.of("ready", "TERM", "fast", "exit 143"), Files.readAllLines(log()));
    }

    @Test
    void unicornKeepsIntAsItsFastStopAndGetsReloadSignals() throws Exception {
        try (SupervisorProcess p = start("run", "--preset", "unicorn", "--", "bash", server("unicorn").toString())) {
            awaitLog("ready");
            p.signal("USR2");
            awaitLog("USR2");
            p.signal("HUP");
            awaitLog("HUP");
            p.signal("INT");
            assertEquals(130, p.waitFor(WAIT), p.stderr());
        }
        assertEquals(List.of("ready", "USR2", "HUP", "INT", "fast", "exit 130"), Files.readAllLines(log()));
    }

    @Test
    void sidekiqQuietFirstSendsTstpThenTermAfterTheStopDelay() throws Exception {
        Path config = dir.resolve("supervisor.yml");
        Files.writeString(config, """
                modes:
                  worker:
                    command: [bash, %s]
                    preset: sidekiq
                    quiet_first: true
                    stop_delay: 300ms
                """.formatted(server("sidekiq")));
        try (SupervisorProcess p = start("run", "--config", config.toString(), "worker")) {
            awaitLog("ready");
            p.signal("TERM");
            awaitLog("quiet");
            assertEquals(0, p.waitFor(WAIT), p.stderr());
        }
        assertEquals(List.of("ready", "TSTP", "quiet", "TERM", "graceful", "exit 0"), Files.readAllLines(log()));
    }

    @Test
    void modeSignalsOverrideThePreset() throws Exception {
        Path config = dir.resolve("supervisor.yml");
        Files.writeString(config, """
                modes:
                  web:
                    command: [bash, %s]
                    preset: unicorn
                    signals: {TERM: TERM}
                """.formatted(server("unicorn")));
        try (SupervisorProcess p = start("run", "--config", config.toString(), "web")) {
            awaitLog("ready");
            p.signal("TERM");
            assertEquals(143, p.waitFor(WAIT), p.stderr());
        }
        assertTrue(Files.readAllLines(log()).contains("fast"));
    }

    @Test
    void aServerThatOutlivesTheStopTimeoutIsKilled() throws Exception {
        try (SupervisorProcess p = SupervisorProcess.in(dir).env("SIGNAL_LOG", log().toString())
                .env("GRACEFUL_SECONDS", "60")
                .run("run", "--preset", "unicorn", "--stop-timeout", "500ms", "--", "bash", server("unicorn").toString())) {
            awaitLog("ready");
            p.signal("TERM");
            assertEquals(137, p.waitFor(WAIT), p.stderr());
            assertTrue(p.stderr().contains("KILL"), p.stderr());
        }
        assertEquals(List.of("ready", "QUIT", "graceful"), Files.readAllLines(log()));
    }
}
