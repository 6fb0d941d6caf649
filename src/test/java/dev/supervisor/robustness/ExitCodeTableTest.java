package dev.supervisor.robustness;

import dev.supervisor.ExitCode;
import dev.supervisor.cli.SupervisorCommand;
import dev.supervisor.testing.KmsTestServer;
import dev.supervisor.testing.SupervisorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static dev.supervisor.robustness.Hostile.assertRejected;
import static dev.supervisor.robustness.Hostile.supervisor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** README's exit-code table, one row per test. */
class ExitCodeTableTest {
    @TempDir
    Path dir;

    @Test
    void theChildsOwnExitCodeIsReturned() throws Exception {
        try (SupervisorProcess p = supervisor(dir).run("run", "--", "sh", "-c", "exit 42")) {
            assertEquals(42, p.waitFor(Hostile.EXIT), p.stderr());
        }
    }

    @Test
    void aChildKilledBySignalNIs128PlusN() throws Exception {
        try (SupervisorProcess p = supervisor(dir).run("run", "--", "sh", "-c", "kill -KILL $$")) {
            assertEquals(137, p.waitFor(Hostile.EXIT), p.stderr());
        }
    }

    @Test
    void aFailingPrehooksExitCodeIsReturnedAndTheMainNeverStarts() throws Exception {
        Path marker = dir.resolve("started");
        Path config = Files.writeString(dir.resolve("supervisor.yml"),
                "modes:\n  web:\n    command: [touch, " + marker + "]\n    prehooks: [[sh, -c, 'exit 5']]\n");
        try (SupervisorProcess p = supervisor(dir).run("run", "--config", config.toString(), "web")) {
            assertEquals(5, p.waitFor(Hostile.EXIT), p.stderr());
        }
        assertFalse(Files.exists(marker));
    }

    @Test
    void usageErrorIs64() throws Exception {
        assertRejected(SupervisorProcess.in(dir).cleanEnvironment(), dir, ExitCode.USAGE, "no passphrase",
                "run", "--secrets", Hostile.encryptedFile(dir, "s.yml", Hostile.PLAINTEXT).toString());
    }

    @Test
    void awsUnreachableIs69() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        assertRejected(awsCredentials(supervisor(dir)).env("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + closedPort),
                dir, ExitCode.UNAVAILABLE, "s3:GetObject of s3://bucket/secrets.yml could not connect",
                "run", "--secrets", "s3://bucket/secrets.yml", "--secrets-timeout", "3s");
    }

    /** Not reachable from outside without a bug; the handler that turns an unexpected exception into 70 is pinned. */
    @Test
    void internalErrorIs70OneLineWithoutStackTrace() throws Exception {
        CommandLine cli = SupervisorCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.getExecutionExceptionHandler().handleExecutionException(
                new IllegalStateException("unexpected " + Hostile.SECRET), cli, null);
        assertEquals(ExitCode.INTERNAL, code);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("supervisor: error: internal error: java.lang.IllegalStateException"),
                err.toString());
        Hostile.assertNoSecret(err.toString());
    }

    /** An argument longer than MAX_ARG_STRLEN makes posix_spawn fail with E2BIG: an OS error, not the app's. */
    @Test
    void operatingSystemFailureIs71() throws Exception {
        Path config = Files.writeString(dir.resolve("supervisor.yml"),
                "modes:\n  web:\n    command: [echo, " + "x".repeat(140_000) + "]\n");
        assertRejected(supervisor(dir), dir, ExitCode.OS_ERROR, "Argument list too long",
                "run", "--config", config.toString(), "web");
    }

    @Test
    void awsAccessDeniedIs77() throws Exception {
        try (KmsTestServer kms = new KmsTestServer()) {
            kms.deny("AKIAROBUSTNESS");
            String blob = Base64.getEncoder().encodeToString(kms.encryptBlob(kms.createKey("app"),
                    "--- x\n".getBytes(StandardCharsets.UTF_8)));
            Path secrets = Files.writeString(dir.resolve("secrets.yml"), "password: " + blob + "\n");
            assertRejected(awsCredentials(supervisor(dir)).env("AWS_ENDPOINT_URL_KMS", kms.endpoint()), dir,
                    ExitCode.NO_PERMISSION, "kms:Decrypt", "run", "--secrets", secrets.toString(), "--cryptor", "aws-kms");
        }
    }

    @Test
    void configOrSecretsErrorIs78() throws Exception {
        assertRejected(supervisor(dir).env("YAML_VAULT_PASSPHRASE", "wrong"), dir, ExitCode.CONFIG, "InvalidSignature",
                "run", "--secrets", Hostile.encryptedFile(dir, "s.yml", Hostile.PLAINTEXT).toString());
    }

    @Test
    void commandNotExecutableIs126() throws Exception {
        Path plain = Files.writeString(dir.resolve("not-executable.sh"), "#!/bin/sh\n");
        try (SupervisorProcess p = supervisor(dir).run("run", "--", plain.toString())) {
            Hostile.assertOneErrorLine(p, ExitCode.NOT_EXECUTABLE);
        }
    }

    @Test
    void commandNotFoundIs127() throws Exception {
        try (SupervisorProcess p = supervisor(dir).run("run", "--", "no-such-command-anywhere")) {
            Hostile.assertOneErrorLine(p, ExitCode.NOT_FOUND);
        }
    }

    /** HUP (1) while the config is read: 129, nothing started. */
    @Test
    void stopSignalBeforeTheStartIs128PlusN() throws Exception {
        Path fifo = dir.resolve("supervisor.yml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        try (SupervisorProcess p = supervisor(dir).run("run", "--config", fifo.toString(), "--", "true")) {
            Hostile.awaitThread(p, "prepare-config");
            p.signal("HUP");
            Hostile.assertOneErrorLine(p, 129);
        }
    }

    private static SupervisorProcess.Builder awsCredentials(SupervisorProcess.Builder builder) {
        return builder.env("AWS_ACCESS_KEY_ID", "AKIAROBUSTNESS")
                .env("AWS_SECRET_ACCESS_KEY", "robustness-secret")
                .env("AWS_REGION", KmsTestServer.REGION)
                .env("AWS_EC2_METADATA_DISABLED", "true");
    }
}
