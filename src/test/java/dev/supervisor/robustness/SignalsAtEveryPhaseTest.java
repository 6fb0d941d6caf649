package dev.supervisor.robustness;

import dev.supervisor.process.Signals;
import dev.supervisor.testing.KmsTestServer;
import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static dev.supervisor.robustness.Hostile.PROMPT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TERM, INT and QUIT at each phase of a start and of a stop: the supervisor ends promptly with the
 * documented code, starts nothing it should not, leaves no process and no partial secret file behind.
 * Every slow phase is made slow deterministically (a FIFO nobody writes, a server that never answers,
 * a child that ignores TERM), and the signal is sent only once the phase is known to be under way.
 */
class SignalsAtEveryPhaseTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TERM", "INT", "QUIT"})
    void stopWhileTheConfigIsReadEndsAtOnceAndStartsNothing(String signal) throws Exception {
        Path fifo = dir.resolve("supervisor.yml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path marker = dir.resolve("started");
        try (SupervisorProcess p = Hostile.supervisor(dir).run("run", "--config", fifo.toString(), "--",
                "touch", marker.toString())) {
            Hostile.awaitThread(p, "prepare-config");
            assertStoppedBeforeStart(p, signal);
        }
        assertFalse(Files.exists(marker), "the app must never start after a stop signal");
    }

    /** TERM is KmsRunTest's; INT and QUIT take the same way out. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"INT", "QUIT"})
    void stopWhileKmsCallsAreInFlightEndsAtOnce(String signal) throws Exception {
        Path marker = dir.resolve("started");
        try (KmsTestServer kms = new KmsTestServer()) {
            kms.latency(60_000);
            String key = kms.createKey("app");
            String blob = Base64.getEncoder().encodeToString(kms.encryptBlob(key,
                    ("--- " + Hostile.SECRET + "\n").getBytes(StandardCharsets.UTF_8)));
            Path secrets = Files.writeString(dir.resolve("secrets.yml"), "production:\n  password: " + blob + "\n");
            try (SupervisorProcess p = aws(Hostile.supervisor(dir)).env("AWS_ENDPOINT_URL_KMS", kms.endpoint())
                    .run("run", "--secrets", secrets.toString(), "--cryptor", "aws-kms", "--secrets-timeout", "90s",
                            "--", "touch", marker.toString())) {
                Hostile.await("a KMS call in flight", () -> kms.calls() > 0);
                assertStoppedBeforeStart(p, signal);
            }
        }
        assertFalse(Files.exists(marker), "the app must never start after a stop signal");
    }

    /** The S3 download of a {@code --file} hangs; a stop signal abandons it and writes no file at all. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TERM", "INT", "QUIT"})
    void stopWhileAnS3DownloadHangsWritesNoFile(String signal) throws Exception {
        Path marker = dir.resolve("started");
        Path targetDir = Files.createDirectory(dir.resolve("secrets-out"));
        try (SilentServer s3 = new SilentServer();
             SupervisorProcess p = aws(Hostile.supervisor(dir)).env("AWS_ENDPOINT_URL_S3", s3.endpoint())
                     .run("run", "--file", "s3://bucket/cert.pem=" + targetDir.resolve("cert.pem"),
                             "--secrets-timeout", "90s", "--", "touch", marker.toString())) {
            Hostile.await("the S3 request to arrive", () -> s3.connections() > 0);
            assertStoppedBeforeStart(p, signal);
        }
        assertFalse(Files.exists(marker), "the app must never start after a stop signal");
        try (var left = Files.list(targetDir)) {
            assertEquals(0, left.count(), "no secret file, complete or partial, in the target directory");
        }
    }

    /** The stop is forwarded to the prehook, whose death by it ends the start: the main command never runs. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TERM", "INT", "QUIT"})
    void stopDuringAPrehookIsForwardedToItAndTheMainNeverStarts(String signal) throws Exception {
        Path pidFile = dir.resolve("prehook.pid");
        Path marker = dir.resolve("started");
        Path config = config("[sh, -c, 'echo $$ > " + pidFile + "; exec sleep 30']", marker);
        try (SupervisorProcess p = Hostile.supervisor(dir).run("run", "--config", config.toString(), "web")) {
            int prehook = Hostile.awaitPid(pidFile);
            assertStoppedBeforeStart(p, signal);
            Hostile.assertGone(prehook);
        }
        assertFalse(Files.exists(marker), "the main command must not start after a stopped prehook");
    }

    /** A prehook that catches the stop and exits 0 does not turn the stop into a start. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void prehookThatTrapsTheStopAndSucceedsStillStartsNothing(String signal) throws Exception {
        Path pidFile = dir.resolve("prehook.pid");
        Path marker = dir.resolve("started");
        Path hook = Hostile.script(dir, "hook.sh", "trap 'exit 0' " + signal + "\necho $$ > " + pidFile
                + "\nwhile :; do sleep 1 & wait $!; done");
        Path config = config("[" + hook + "]", marker);
        try (SupervisorProcess p = Hostile.supervisor(dir).run("run", "--config", config.toString(), "web")) {
            int prehook = Hostile.awaitPid(pidFile);
            assertStoppedBeforeStart(p, signal);
            Hostile.assertGone(prehook);
        }
        assertFalse(Files.exists(marker), "the main command must not start after a stop signal");
    }

    /** INT or QUIT while a TERM is held by --stop-delay is forwarded at once, not after the delay. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"INT", "QUIT"})
    void otherStopSignalDuringTheStopDelayIsForwardedAtOnce(String signal) throws Exception {
        Path log = dir.resolve("child.log");
        Path pidFile = dir.resolve("child.pid");
        Path child = Hostile.script(dir, "child.sh", "trap 'echo " + signal + " >> " + log + "; exit 0' " + signal
                + "\ntrap 'echo TERM >> " + log + "' TERM\necho $$ > " + pidFile
                + "\nwhile :; do sleep 1 & wait $!; done");
        try (SupervisorProcess p = Hostile.supervisor(dir).run("run", "-v", "--stop-delay", "60s", "--", child.toString())) {
            int pid = Hostile.awaitPid(pidFile);
            p.signal("TERM");
            Hostile.await("the supervisor to hold TERM", () -> p.stderr().contains("stop delay"));
            long sent = System.nanoTime();
            p.signal(signal);
            assertEquals(0, p.waitFor(Hostile.EXIT), p.stderr());
            assertTrue(Duration.ofNanos(System.nanoTime() - sent).compareTo(PROMPT) < 0, "forwarded at once");
            assertEquals(signal, Files.readString(log).trim(), "only " + signal + " reached the child, not the held TERM");
            Hostile.assertGone(pid);
        }
    }

    /**
     * The child has exited and left a process that ignores TERM; the supervisor waits up to the stop timeout
     * (20 s) for it. A stop signal then cuts the wait short: KILL at once, the child's own exit code.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TERM", "QUIT"})
    void stopWhileLeftoversAreCleanedUpKillsThemAtOnce(String signal) throws Exception {
        Path leftoverPid = dir.resolve("leftover.pid");
        Path child = Hostile.script(dir, "child.sh",
                "(trap '' TERM INT QUIT; exec sleep 300) &\necho $! > " + leftoverPid + "\nexit 3");
        try (SupervisorProcess p = Hostile.supervisor(dir).run("run", "-v", "--stop-timeout", "20s", "--",
                child.toString())) {
            int leftover = Hostile.awaitPid(leftoverPid);
            Hostile.await("the cleanup to start", () -> p.stderr().contains("left behind"));
            long sent = System.nanoTime();
            p.signal(signal);
            assertEquals(3, p.waitFor(Hostile.EXIT), p.stderr());
            assertTrue(Duration.ofNanos(System.nanoTime() - sent).compareTo(PROMPT) < 0,
                    "did not wait out the 20 s stop timeout: " + p.stderr());
            Hostile.assertGone(leftover);
        }
    }

    private Path config(String prehook, Path marker) throws Exception {
        return Files.writeString(dir.resolve("supervisor.yml"), """
                modes:
                  web:
                    command: [touch, %s]
                    prehooks: [%s]
                """.formatted(marker, prehook));
    }

    private static SupervisorProcess.Builder aws(SupervisorProcess.Builder builder) {
        return builder.env("AWS_ACCESS_KEY_ID", "AKIAROBUSTNESS")
                .env("AWS_SECRET_ACCESS_KEY", "robustness-secret")
                .env("AWS_REGION", KmsTestServer.REGION)
                .env("AWS_EC2_METADATA_DISABLED", "true");
    }

    private static void assertStoppedBeforeStart(SupervisorProcess p, String signal) throws InterruptedException {
        long sent = System.nanoTime();
        p.signal(signal);
        int code = p.waitFor(Hostile.EXIT);
        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        assertEquals(128 + Signals.parse(signal, false), code, p.stderr());
        assertTrue(took.compareTo(PROMPT) < 0, "ended " + took + " after " + signal + ": " + p.stderr());
        assertTrue(p.stderr().contains("before the app started"), p.stderr());
        Hostile.assertNoSecret(p.stderr() + p.stdout());
    }
}
