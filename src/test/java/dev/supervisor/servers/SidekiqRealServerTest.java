package dev.supervisor.servers;

import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sidekiq preset against sidekiq itself (Debian packages {@code ruby-sidekiq} 6.4 and
 * {@code redis-server}): TERM is sidekiq's graceful stop within -t, and quiet_first sends TSTP first so
 * it fetches no new job while the stop delay runs. The jobs (realservers/sidekiq/slow_job.rb) take
 * 1.5 s and leave started-N / finished-N files.
 */
class SidekiqRealServerTest {
    private static final Duration STOP = Duration.ofSeconds(25);
    /** Longer than a job (1.5 s): time enough for sidekiq to fetch the next one unless it was quieted. */
    private static final String STOP_DELAY = "2s";
    /** sidekiq 6.4 lib/sidekiq/cli.rb, the TSTP handler. */
    private static final String QUIET_LOG = "Received TSTP, no longer accepting new work";
    /** sidekiq 6.4 lib/sidekiq/launcher.rb, #stop. */
    private static final String SHUTDOWN_LOG = "Shutting down";

    @TempDir
    Path dir;

    private Path sidekiq;
    private Path ruby;
    private RedisServer redis;
    private SupervisorProcess supervisor;

    @BeforeEach
    void startRedis() throws IOException {
        sidekiq = ServerBinary.require("sidekiq", "ruby-sidekiq");
        ruby = ServerBinary.require("ruby", "ruby");
        redis = RedisServer.start(ServerBinary.require("redis-server", "redis-server"), dir);
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (supervisor != null) supervisor.close();
        if (redis != null) redis.close();
    }

    private Path job(String name) {
        return dir.resolve(name);
    }

    private void enqueue(int jobs) throws IOException, InterruptedException {
        RealServerFiles.copy("sidekiq/slow_job.rb", dir);
        Path script = RealServerFiles.copy("sidekiq/enqueue.rb", dir);
        Path log = dir.resolve("enqueue.log");
        ProcessBuilder builder = new ProcessBuilder(ruby.toString(), script.toString(), dir.toString(), Integer.toString(jobs))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("REDIS_URL", redis.url());
        Process enqueue = builder.start();
        if (!enqueue.waitFor(30, TimeUnit.SECONDS)) {
            enqueue.destroyForcibly();
            throw new AssertionError("enqueue.rb still running after 30 s: " + Files.readString(log));
        }
        assertEquals(0, enqueue.exitValue(), () -> "enqueue.rb failed: " + readQuietly(log));
        assertEquals(":" + jobs, redis.command("LLEN queue:default"));
    }

    private List<String> sidekiqCommand() {
        return List.of(sidekiq.toString(), "-r", dir.resolve("slow_job.rb").toString(), "-c", "1", "-t", "10");
    }

    private SupervisorProcess startSupervisor(String... args) throws IOException {
        supervisor = SupervisorProcess.in(dir).env("REDIS_URL", redis.url()).run(args);
        return supervisor;
    }

    private void awaitFirstJobRunning() {
        Await.until("sidekiq to start job 1", Await.BOOT,
                () -> Files.exists(job("started-1")) || !supervisor.isAlive(), this::describe);
        assertTrue(supervisor.isAlive(), this::describe);
        assertFalse(Files.exists(job("finished-1")), "job 1 finished before the stop signal, so the test proves nothing");
    }

    @Test
    void termLetsTheRunningJobFinishBeforeSidekiqExits() throws Exception {
        enqueue(1);
        List<String> args = new ArrayList<>(List.of("run", "--verbose", "--preset", "sidekiq", "--"));
        args.addAll(sidekiqCommand());
        startSupervisor(args.toArray(String[]::new));
        awaitFirstJobRunning();

        supervisor.signal("TERM");

        assertEquals(0, supervisor.waitFor(STOP), this::describe);
        assertTrue(Files.exists(job("finished-1")), this::describe);
        assertEquals(":0", redis.command("LLEN queue:default"), "sidekiq pushed the job back instead of finishing it");
        assertTrue(supervisor.stderr().contains("sent TERM"), this::describe);
    }

    @Test
    void quietFirstSendsTstpSoNoNewJobStartsDuringTheStopDelay() throws Exception {
        stopWhileTheFirstOfTwoJobsRuns(true);

        String log = supervisor.stdout();
        assertTrue(log.contains(QUIET_LOG), this::describe);
        assertTrue(log.indexOf(QUIET_LOG) < log.indexOf(SHUTDOWN_LOG), this::describe);
        assertTrue(Files.exists(job("finished-1")), this::describe);
        assertFalse(Files.exists(job("started-2")), () -> "sidekiq took job 2 after TSTP\n" + describe());
        assertEquals(":1", redis.command("LLEN queue:default"), "job 2 should still wait in Redis");
    }

    /** The same stop without quiet_first: the delay alone leaves sidekiq fetching, which is why quiet_first exists. */
    @Test
    void withoutQuietFirstSidekiqStartsTheNextJobDuringTheStopDelay() throws Exception {
        stopWhileTheFirstOfTwoJobsRuns(false);

        assertFalse(supervisor.stdout().contains(QUIET_LOG), this::describe);
        assertTrue(Files.exists(job("started-2")), this::describe);
        assertTrue(Files.exists(job("finished-2")), "TERM is graceful: job 2 finishes too\n" + describe());
    }

    private void stopWhileTheFirstOfTwoJobsRuns(boolean quietFirst) throws Exception {
        enqueue(2);
        Path config = dir.resolve("supervisor.yml");
        Files.writeString(config, """
                modes:
                  worker:
                    command: [%s]
                    preset: sidekiq
                    quiet_first: %s
                    stop_delay: %s
                """.formatted(String.join(", ", sidekiqCommand()), quietFirst, STOP_DELAY));
        startSupervisor("run", "--verbose", "--config", config.toString(), "worker");
        awaitFirstJobRunning();

        supervisor.signal("TERM");

        assertEquals(0, supervisor.waitFor(STOP), this::describe);
    }

    private String describe() {
        return "files: " + listQuietly(dir) + "\nsupervisor stdout (sidekiq's log):\n" + supervisor.stdout()
                + "\nsupervisor stderr:\n" + supervisor.stderr();
    }

    private static List<String> listQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "<unreadable>";
        }
    }
}
