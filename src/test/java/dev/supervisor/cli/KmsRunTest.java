package dev.supervisor.cli;

import dev.supervisor.testing.KmsTestServer;
import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run --cryptor aws-kms} end to end: the supervisor process reaches the KMS test server through
 * the real SDK (endpoint override), and a stop signal during the KMS calls ends the start at once.
 */
class KmsRunTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private KmsTestServer kms;
    private Path secrets;

    @BeforeEach
    void secretsEncryptedWithKms() throws Exception {
        kms = new KmsTestServer();
        String key = kms.createKey("app");
        String blob = Base64.getEncoder().encodeToString(kms.encryptBlob(key,
                "--- postgres://app:Km5-Secret@db/app\n".getBytes(StandardCharsets.UTF_8)));
        secrets = dir.resolve("secrets.yml");
        Files.writeString(secrets, "production:\n  database_url: " + blob + "\n");
    }

    @AfterEach
    void stopServer() {
        kms.close();
    }

    private SupervisorProcess.Builder supervisor() {
        return SupervisorProcess.in(dir)
                .env("AWS_ACCESS_KEY_ID", "AKIAKMSRUNTEST")
                .env("AWS_SECRET_ACCESS_KEY", "test-secret")
                .env("AWS_REGION", KmsTestServer.REGION)
                .env("AWS_ENDPOINT_URL_KMS", kms.endpoint())
                .env("AWS_EC2_METADATA_DISABLED", "true");
    }

    @Test
    void kmsEncryptedValuesReachTheChild() throws Exception {
        Path out = dir.resolve("url.txt");
        try (SupervisorProcess p = supervisor().run("run", "--secrets", secrets.toString(), "--cryptor", "aws-kms",
                "--env-root", "$.production", "--", "sh", "-c", "printf %s \"$DATABASE_URL\" > " + out)) {
            assertEquals(0, p.waitFor(WAIT), p.stderr());
        }
        assertEquals("postgres://app:Km5-Secret@db/app", Files.readString(out));
        assertTrue(kms.accessKeyIds().contains("AKIAKMSRUNTEST"), "signed with the given credentials");
    }

    @Test
    void accessDeniedNamesTheIamActionAndStartsNothing() throws Exception {
        kms.deny("AKIAKMSRUNTEST");
        Path marker = dir.resolve("started");
        try (SupervisorProcess p = supervisor().run("run", "--secrets", secrets.toString(), "--cryptor", "aws-kms",
                "--", "touch", marker.toString())) {
            assertEquals(77, p.waitFor(WAIT));
            assertTrue(p.stderr().contains("kms:Decrypt") && p.stderr().contains("$.production.database_url"), p.stderr());
            assertEquals(1, p.stderr().lines().count(), p.stderr());
        }
        assertFalse(Files.exists(marker));
    }

    @Test
    void termDuringSlowKmsCallsEndsTheStartAtOnce() throws Exception {
        kms.latency(30_000);
        Path marker = dir.resolve("started");
        try (SupervisorProcess p = supervisor().run("run", "--secrets", secrets.toString(), "--cryptor", "aws-kms",
                "--", "touch", marker.toString())) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (kms.calls() == 0 && System.nanoTime() < deadline) Thread.sleep(10);
            assertTrue(kms.calls() > 0, "the KMS call is in flight: " + p.stderr());
            long sent = System.nanoTime();
            p.signal("TERM");
            assertEquals(143, p.waitFor(Duration.ofSeconds(10)), p.stderr());
            assertTrue(Duration.ofNanos(System.nanoTime() - sent).toMillis() < 5_000, "did not wait for the KMS call");
            assertTrue(p.stderr().contains("before the app started"), p.stderr());
        }
        assertFalse(Files.exists(marker), "the app must never start after a stop signal");
    }
}
